using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Partnerskap.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AnnualMeeting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Majority",
                table: "Meetings",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "SimpleOfCast");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NoticeSentAt",
                table: "Meetings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ProposalDeadline",
                table: "Meetings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "QuorumPercent",
                table: "Meetings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QuorumPolicy",
                table: "Meetings",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Refuse");

            migrationBuilder.AddColumn<bool>(
                name: "Rehearsal",
                table: "Meetings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RulesSource",
                table: "Meetings",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Meetings",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Planned");

            migrationBuilder.CreateTable(
                name: "AgendaItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DocumentId = table.Column<int>(type: "integer", nullable: true),
                    Effect = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    EffectTarget = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaItems_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgendaItems_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Credentials",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    Orgnr = table.Column<string>(type: "character(9)", fixedLength: true, maxLength: 9, nullable: false),
                    RepresentativeUserId = table.Column<string>(type: "text", nullable: false),
                    ViaOrgnr = table.Column<string>(type: "character(9)", fixedLength: true, maxLength: 9, nullable: true),
                    ProxyDocumentId = table.Column<int>(type: "integer", nullable: true),
                    Weight = table.Column<int>(type: "integer", nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Present = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Credentials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Credentials_AspNetUsers_RepresentativeUserId",
                        column: x => x.RepresentativeUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Credentials_Documents_ProxyDocumentId",
                        column: x => x.ProxyDocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Credentials_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingSettings",
                columns: table => new
                {
                    PartnershipId = table.Column<int>(type: "integer", nullable: false),
                    NoticeDays = table.Column<int>(type: "integer", nullable: false),
                    ProposalDays = table.Column<int>(type: "integer", nullable: false),
                    ReminderDays = table.Column<int>(type: "integer", nullable: false),
                    Majority = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    QuorumPercent = table.Column<int>(type: "integer", nullable: true),
                    QuorumPolicy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingSettings", x => x.PartnershipId);
                    table.ForeignKey(
                        name: "FK_MeetingSettings_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Proposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    Orgnr = table.Column<string>(type: "character(9)", fixedLength: true, maxLength: 9, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BoardRecommendation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Proposals_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Protocols",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CoSigner1UserId = table.Column<string>(type: "text", nullable: true),
                    CoSigner2UserId = table.Column<string>(type: "text", nullable: true),
                    Signed1At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Signed2At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PdfDocumentId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Protocols", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Protocols_Documents_PdfDocumentId",
                        column: x => x.PdfDocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Protocols_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Votes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    CaseId = table.Column<int>(type: "integer", nullable: true),
                    Question = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Options = table.Column<List<string>>(type: "text[]", nullable: false),
                    Secret = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Eligible = table.Column<int>(type: "integer", nullable: false),
                    OpenedWithoutQuorum = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CastAtClose = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Votes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Votes_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Votes_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PresenceEvent",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CredentialId = table.Column<int>(type: "integer", nullable: false),
                    Present = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PresenceEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PresenceEvent_Credentials_CredentialId",
                        column: x => x.CredentialId,
                        principalTable: "Credentials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ballots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VoteId = table.Column<int>(type: "integer", nullable: false),
                    VoterKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Orgnr = table.Column<string>(type: "character(9)", fixedLength: true, maxLength: 9, nullable: true),
                    CastByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Choice = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Weight = table.Column<int>(type: "integer", nullable: false),
                    Receipt = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CastAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ballots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ballots_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoteTallies",
                columns: table => new
                {
                    VoteId = table.Column<int>(type: "integer", nullable: false),
                    Option = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Ballots = table.Column<int>(type: "integer", nullable: false),
                    Votes = table.Column<int>(type: "integer", nullable: false),
                    Frozen = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteTallies", x => new { x.VoteId, x.Option });
                    table.ForeignKey(
                        name: "FK_VoteTallies_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_DocumentId",
                table: "AgendaItems",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_MeetingId_Number",
                table: "AgendaItems",
                columns: new[] { "MeetingId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_Receipt",
                table: "Ballots",
                column: "Receipt",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_VoteId_VoterKey",
                table: "Ballots",
                columns: new[] { "VoteId", "VoterKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Credentials_MeetingId_Orgnr",
                table: "Credentials",
                columns: new[] { "MeetingId", "Orgnr" });

            migrationBuilder.CreateIndex(
                name: "IX_Credentials_MeetingId_RepresentativeUserId",
                table: "Credentials",
                columns: new[] { "MeetingId", "RepresentativeUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_Credentials_ProxyDocumentId",
                table: "Credentials",
                column: "ProxyDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Credentials_RepresentativeUserId",
                table: "Credentials",
                column: "RepresentativeUserId");

            migrationBuilder.CreateIndex(
                name: "IX_PresenceEvent_CredentialId",
                table: "PresenceEvent",
                column: "CredentialId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_MeetingId",
                table: "Proposals",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Protocols_MeetingId",
                table: "Protocols",
                column: "MeetingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Protocols_PdfDocumentId",
                table: "Protocols",
                column: "PdfDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Votes_CaseId",
                table: "Votes",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Votes_MeetingId",
                table: "Votes",
                column: "MeetingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgendaItems");

            migrationBuilder.DropTable(
                name: "Ballots");

            migrationBuilder.DropTable(
                name: "MeetingSettings");

            migrationBuilder.DropTable(
                name: "PresenceEvent");

            migrationBuilder.DropTable(
                name: "Proposals");

            migrationBuilder.DropTable(
                name: "Protocols");

            migrationBuilder.DropTable(
                name: "VoteTallies");

            migrationBuilder.DropTable(
                name: "Credentials");

            migrationBuilder.DropTable(
                name: "Votes");

            migrationBuilder.DropColumn(
                name: "Majority",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "NoticeSentAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "ProposalDeadline",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "QuorumPercent",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "QuorumPolicy",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Rehearsal",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "RulesSource",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Meetings");
        }
    }
}
