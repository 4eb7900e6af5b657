using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskap.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnnualMeetingPaperBallots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgendaDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgendaItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaDocuments_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgendaDocuments_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaperBallots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VoteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Orgnr = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 9, nullable: false),
                    EnteredChoice = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RegisteredByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConfirmedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Receipt = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperBallots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperBallots_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaDocuments_AgendaItemId_DocumentId",
                table: "AgendaDocuments",
                columns: new[] { "AgendaItemId", "DocumentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaDocuments_DocumentId",
                table: "AgendaDocuments",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperBallots_VoteId_Orgnr",
                table: "PaperBallots",
                columns: new[] { "VoteId", "Orgnr" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgendaDocuments");

            migrationBuilder.DropTable(
                name: "PaperBallots");
        }
    }
}
