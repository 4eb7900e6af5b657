using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskap.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PortfolioIntake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BaseBudgetLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Budgeted = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: false),
                    Actual = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: true),
                    Forecast = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BaseBudgetLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BaseBudgetLines_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Grants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Funder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Applied = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Granted = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: true),
                    Received = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: true),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReportingDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Grants_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Ideas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Orgnr = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Assessment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AssessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BoardCaseId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionRef = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ideas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ideas_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ideas_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ideas_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InKindContributions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Orgnr = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InKindContributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InKindContributions_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InKindContributions_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BaseBudgetLines_PartnershipId_Year",
                table: "BaseBudgetLines",
                columns: new[] { "PartnershipId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_PartnershipId_Year",
                table: "Grants",
                columns: new[] { "PartnershipId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ProjectId",
                table: "Grants",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_MemberId",
                table: "Ideas",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_PartnershipId_Status",
                table: "Ideas",
                columns: new[] { "PartnershipId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_ProjectId",
                table: "Ideas",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_InKindContributions_MemberId",
                table: "InKindContributions",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_InKindContributions_ProjectId",
                table: "InKindContributions",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BaseBudgetLines");

            migrationBuilder.DropTable(
                name: "Grants");

            migrationBuilder.DropTable(
                name: "Ideas");

            migrationBuilder.DropTable(
                name: "InKindContributions");
        }
    }
}
