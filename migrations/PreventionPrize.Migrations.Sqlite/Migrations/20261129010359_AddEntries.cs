using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PreventionPrize.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EntryRules_AttachmentKinds",
                table: "Calls",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "EntryRules_DescriptionWords",
                table: "Calls",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "EntryRules_EvaluationWords",
                table: "Calls",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "EntryRules_HumanRightsWords",
                table: "Calls",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "EntryRules_MaxAttachmentMegabytes",
                table: "Calls",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "EntryRules_MaxAttachments",
                table: "Calls",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "EntryRules_RecentlyFinishedMonths",
                table: "Calls",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "EntryRules_ReplicationWords",
                table: "Calls",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "EntryRules_SummaryWords",
                table: "Calls",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "EntryRules_YouthInvolvementWords",
                table: "Calls",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Entries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Eligibility_FormalStructure = table.Column<bool>(type: "INTEGER", nullable: false),
                    Eligibility_YouthActivelyInvolved = table.Column<bool>(type: "INTEGER", nullable: false),
                    Eligibility_ProjectState = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Eligibility_FinishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Eligibility_Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OrganisationType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SocialLinks = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FormalStructureEvidenceUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    YouthInvolvement = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ParticipantsUnder25 = table.Column<int>(type: "INTEGER", nullable: true),
                    ParticipantsUnder18 = table.Column<int>(type: "INTEGER", nullable: true),
                    Adults = table.Column<int>(type: "INTEGER", nullable: true),
                    DigitalBehaviours = table.Column<string>(type: "TEXT", nullable: false),
                    DigitalBehaviourOther = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TargetGroups = table.Column<string>(type: "TEXT", nullable: false),
                    ImplementationCountries = table.Column<string>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Ongoing = table.Column<bool>(type: "INTEGER", nullable: false),
                    Evaluation = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    HumanRights = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Replication = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ConsentToPublication = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeclarationTrue = table.Column<bool>(type: "INTEGER", nullable: false),
                    IdentifierWarnings = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Late = table.Column<bool>(type: "INTEGER", nullable: false),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ScreenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ScreenedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ScreeningReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamMembers = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Entries_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OriginalName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MetadataWarning = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReleasedToJury = table.Column<bool>(type: "INTEGER", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attachments_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EntryVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmissionKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Late = table.Column<bool>(type: "INTEGER", nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntryVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EntryVersions_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_EntryId",
                table: "Attachments",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_CallId_Number",
                table: "Entries",
                columns: new[] { "CallId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Entries_CallId_Status",
                table: "Entries",
                columns: new[] { "CallId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_OwnerId_CallId",
                table: "Entries",
                columns: new[] { "OwnerId", "CallId" });

            migrationBuilder.CreateIndex(
                name: "IX_EntryVersions_EntryId_Number",
                table: "EntryVersions",
                columns: new[] { "EntryId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EntryVersions_EntryId_SubmissionKey",
                table: "EntryVersions",
                columns: new[] { "EntryId", "SubmissionKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropTable(
                name: "EntryVersions");

            migrationBuilder.DropTable(
                name: "Entries");

            migrationBuilder.DropColumn(
                name: "EntryRules_AttachmentKinds",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "EntryRules_DescriptionWords",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "EntryRules_EvaluationWords",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "EntryRules_HumanRightsWords",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "EntryRules_MaxAttachmentMegabytes",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "EntryRules_MaxAttachments",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "EntryRules_RecentlyFinishedMonths",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "EntryRules_ReplicationWords",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "EntryRules_SummaryWords",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "EntryRules_YouthInvolvementWords",
                table: "Calls");
        }
    }
}
