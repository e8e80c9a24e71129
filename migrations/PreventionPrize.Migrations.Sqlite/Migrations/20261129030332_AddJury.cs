using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PreventionPrize.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddJury : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "JuryRelationships",
                table: "Entries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CountryConflictRule",
                table: "Calls",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "JuryPublishedAtUtc",
                table: "Calls",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "JuryMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    InvitedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RespondedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    IsMinor = table.Column<bool>(type: "INTEGER", nullable: false),
                    GuardianConsentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    GuardianConsentNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ProfileUpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Profile = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JuryMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JuryMembers_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Conflicts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    JuryMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FoundAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FoundById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Pinned = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClearedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClearedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ClearReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conflicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Conflicts_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Conflicts_JuryMembers_JuryMemberId",
                        column: x => x.JuryMemberId,
                        principalTable: "JuryMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FirstSights",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JuryMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FirstSights", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FirstSights_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FirstSights_JuryMembers_JuryMemberId",
                        column: x => x.JuryMemberId,
                        principalTable: "JuryMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JurorDeclarations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JuryMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    SignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SignedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AcceptsConfidentiality = table.Column<bool>(type: "INTEGER", nullable: false),
                    Relationships = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JurorDeclarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JurorDeclarations_JuryMembers_JuryMemberId",
                        column: x => x.JuryMemberId,
                        principalTable: "JuryMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conflicts_CallId_EntryId",
                table: "Conflicts",
                columns: new[] { "CallId", "EntryId" });

            migrationBuilder.CreateIndex(
                name: "IX_Conflicts_EntryId",
                table: "Conflicts",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_Conflicts_JuryMemberId_EntryId_Type_Source",
                table: "Conflicts",
                columns: new[] { "JuryMemberId", "EntryId", "Type", "Source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FirstSights_EntryId",
                table: "FirstSights",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_FirstSights_JuryMemberId_EntryId",
                table: "FirstSights",
                columns: new[] { "JuryMemberId", "EntryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JurorDeclarations_JuryMemberId",
                table: "JurorDeclarations",
                column: "JuryMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_JuryMembers_CallId_Email",
                table: "JuryMembers",
                columns: new[] { "CallId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JuryMembers_TokenHash",
                table: "JuryMembers",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JuryMembers_UserId",
                table: "JuryMembers",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Conflicts");

            migrationBuilder.DropTable(
                name: "FirstSights");

            migrationBuilder.DropTable(
                name: "JurorDeclarations");

            migrationBuilder.DropTable(
                name: "JuryMembers");

            migrationBuilder.DropColumn(
                name: "JuryRelationships",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "CountryConflictRule",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "JuryPublishedAtUtc",
                table: "Calls");
        }
    }
}
