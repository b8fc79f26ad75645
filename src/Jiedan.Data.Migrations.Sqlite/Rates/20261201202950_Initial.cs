using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiedan.Data.Migrations.Sqlite.Rates
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Databases made before the rates module had its own context already hold this table (created by the deals
            // context's Initial migration, same columns): take it over with its rows rather than create it.
            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS "market_rates" (
                    "Platform" TEXT NOT NULL, "Band" TEXT NOT NULL, "Currency" TEXT NOT NULL, "High" TEXT NOT NULL,
                    "Low" TEXT NOT NULL, "UpdatedAt" TEXT NOT NULL,
                    CONSTRAINT "PK_market_rates" PRIMARY KEY ("Platform", "Band"))
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "market_rates");
        }
    }
}
