using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskap.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditChainStreams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "AuditSequence");

            migrationBuilder.AddColumn<int>(
                name: "Chain",
                table: "AuditEntries",
                type: "integer",
                nullable: false,
                defaultValue: 1); // entries written before: all in chain 1

            // Numbering continues after the existing entries.
            migrationBuilder.Sql("""
                SELECT setval('"AuditSequence"', m) FROM (SELECT MAX("Sequence") AS m FROM "AuditEntries") x WHERE m IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Chain",
                table: "AuditEntries");

            migrationBuilder.DropSequence(
                name: "AuditSequence");
        }
    }
}
