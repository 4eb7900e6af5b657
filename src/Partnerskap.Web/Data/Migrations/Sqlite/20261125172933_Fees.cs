using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskap.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Fees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FeeModels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidFromYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SchedulesJson = table.Column<string>(type: "TEXT", nullable: false),
                    IndexEstimate = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeeModels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeeModels_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InvoiceCounters",
                columns: table => new
                {
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Next = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvoiceCounters", x => new { x.PartnershipId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "InvoicingSettings",
                columns: table => new
                {
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    SellerOrgnr = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    SellerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BankAccount = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    PaymentTermsDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvoicingSettings", x => x.PartnershipId);
                    table.ForeignKey(
                        name: "FK_InvoicingSettings_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Invoices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IssueYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeYear = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Orgnr = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    BuyerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BuyerAddress = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    BuyerEndpoint = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    BuyerReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    IssueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaidAmount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    SellerOrgnr = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    SellerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SellerAddress = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    BankAccount = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Sheet = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FeeModelId = table.Column<int>(type: "INTEGER", nullable: true),
                    IndexEstimate = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CreditsInvoiceId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreditReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invoices_FeeModels_FeeModelId",
                        column: x => x.FeeModelId,
                        principalTable: "FeeModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Invoices_Invoices_CreditsInvoiceId",
                        column: x => x.CreditsInvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Invoices_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Invoices_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeeModels_PartnershipId_ValidFromYear",
                table: "FeeModels",
                columns: new[] { "PartnershipId", "ValidFromYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_CreditsInvoiceId",
                table: "Invoices",
                column: "CreditsInvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_FeeModelId",
                table: "Invoices",
                column: "FeeModelId");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_MemberId",
                table: "Invoices",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_OneStandingFeeInvoice",
                table: "Invoices",
                columns: new[] { "PartnershipId", "FeeYear", "MemberId" },
                unique: true,
                filter: "\"Kind\" = 'Invoice' AND \"Status\" <> 'Credited'");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_PartnershipId_IssueYear_Sequence",
                table: "Invoices",
                columns: new[] { "PartnershipId", "IssueYear", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_PartnershipId_Number",
                table: "Invoices",
                columns: new[] { "PartnershipId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InvoiceCounters");

            migrationBuilder.DropTable(
                name: "Invoices");

            migrationBuilder.DropTable(
                name: "InvoicingSettings");

            migrationBuilder.DropTable(
                name: "FeeModels");
        }
    }
}
