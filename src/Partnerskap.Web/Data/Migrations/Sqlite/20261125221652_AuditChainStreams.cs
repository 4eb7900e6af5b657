using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskap.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditChainStreams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Chain",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1); // entries written before: all in chain 1
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Chain",
                table: "AuditEntries");
        }
    }
}
