using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiedan.Data.Migrations.Postgres.Rates
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
                CREATE TABLE IF NOT EXISTS market_rates (
                    "Platform" character varying(32) NOT NULL, "Band" character varying(32) NOT NULL,
                    "Currency" character varying(32) NOT NULL, "High" numeric(18,2) NOT NULL, "Low" numeric(18,2) NOT NULL,
                    "UpdatedAt" timestamp with time zone NOT NULL,
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
