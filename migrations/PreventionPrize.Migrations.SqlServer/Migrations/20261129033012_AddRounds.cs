using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PreventionPrize.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AddRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Rounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CallId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    NameFr = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    ScoringDeadlineUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Mode = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    JurorsPerEntry = table.Column<int>(type: "int", nullable: false),
                    MinLoad = table.Column<int>(type: "int", nullable: false),
                    MaxLoad = table.Column<int>(type: "int", nullable: false),
                    MaxJurorsPerCountry = table.Column<int>(type: "int", nullable: true),
                    AssignmentsPublishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Publications = table.Column<int>(type: "int", nullable: false),
                    AllEligibleEntries = table.Column<bool>(type: "bit", nullable: false),
                    AllJurors = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rounds_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Assignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    EntryId = table.Column<int>(type: "int", nullable: false),
                    JuryMemberId = table.Column<int>(type: "int", nullable: false),
                    Origin = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Locked = table.Column<bool>(type: "bit", nullable: false),
                    Suitability = table.Column<int>(type: "int", nullable: false),
                    Explanation = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assignments_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assignments_JuryMembers_JuryMemberId",
                        column: x => x.JuryMemberId,
                        principalTable: "JuryMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assignments_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundEntries",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    EntryId = table.Column<int>(type: "int", nullable: false),
                    TranslationApproved = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundEntries", x => new { x.RoundId, x.EntryId });
                    table.ForeignKey(
                        name: "FK_RoundEntries_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoundEntries_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundJurors",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    JuryMemberId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundJurors", x => new { x.RoundId, x.JuryMemberId });
                    table.ForeignKey(
                        name: "FK_RoundJurors_JuryMembers_JuryMemberId",
                        column: x => x.JuryMemberId,
                        principalTable: "JuryMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoundJurors_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_EntryId",
                table: "Assignments",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_JuryMemberId_RoundId",
                table: "Assignments",
                columns: new[] { "JuryMemberId", "RoundId" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_RoundId_EntryId_JuryMemberId",
                table: "Assignments",
                columns: new[] { "RoundId", "EntryId", "JuryMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundEntries_EntryId",
                table: "RoundEntries",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundJurors_JuryMemberId",
                table: "RoundJurors",
                column: "JuryMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_CallId_Number",
                table: "Rounds",
                columns: new[] { "CallId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Assignments");

            migrationBuilder.DropTable(
                name: "RoundEntries");

            migrationBuilder.DropTable(
                name: "RoundJurors");

            migrationBuilder.DropTable(
                name: "Rounds");
        }
    }
}
