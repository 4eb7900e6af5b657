using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskap.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PortfolioReportAndContributions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Invoices_OneStandingFeeInvoice",
                table: "Invoices");

            migrationBuilder.AddColumn<int>(
                name: "FinancingPlanId",
                table: "Invoices",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProjectId",
                table: "Invoices",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReminderSentFor",
                table: "Grants",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_OneStandingContributionInvoice",
                table: "Invoices",
                columns: new[] { "FinancingPlanId", "MemberId" },
                unique: true,
                filter: "\"Kind\" = 'Invoice' AND \"Status\" <> 'Credited' AND \"FinancingPlanId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_OneStandingFeeInvoice",
                table: "Invoices",
                columns: new[] { "PartnershipId", "FeeYear", "MemberId" },
                unique: true,
                filter: "\"Kind\" = 'Invoice' AND \"Status\" <> 'Credited' AND \"FinancingPlanId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_ProjectId",
                table: "Invoices",
                column: "ProjectId");

            migrationBuilder.AddForeignKey(
                name: "FK_Invoices_FinancingPlans_FinancingPlanId",
                table: "Invoices",
                column: "FinancingPlanId",
                principalTable: "FinancingPlans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Invoices_Projects_ProjectId",
                table: "Invoices",
                column: "ProjectId",
                principalTable: "Projects",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Invoices_FinancingPlans_FinancingPlanId",
                table: "Invoices");

            migrationBuilder.DropForeignKey(
                name: "FK_Invoices_Projects_ProjectId",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_OneStandingContributionInvoice",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_OneStandingFeeInvoice",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_ProjectId",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "FinancingPlanId",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "ReminderSentFor",
                table: "Grants");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_OneStandingFeeInvoice",
                table: "Invoices",
                columns: new[] { "PartnershipId", "FeeYear", "MemberId" },
                unique: true,
                filter: "\"Kind\" = 'Invoice' AND \"Status\" <> 'Credited'");
        }
    }
}
