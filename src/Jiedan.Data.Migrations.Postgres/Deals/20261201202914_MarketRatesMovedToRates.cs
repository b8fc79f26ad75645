using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiedan.Data.Migrations.Postgres.Deals
{
    /// <inheritdoc />
    public partial class MarketRatesMovedToRates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The table now belongs to the rates context (RatesDbContext), whose Initial migration takes it over as it is,
            // rows included: nothing to drop here.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing was dropped by Up.
        }
    }
}
