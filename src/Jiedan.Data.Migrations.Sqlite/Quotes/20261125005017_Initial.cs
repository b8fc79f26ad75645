using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiedan.Data.Migrations.Sqlite.Quotes
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "quote_calibrations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Projects = table.Column<int>(type: "INTEGER", nullable: false),
                    FactorsJson = table.Column<string>(type: "TEXT", nullable: false),
                    SizeMmre = table.Column<double>(type: "REAL", nullable: true),
                    SizePred25 = table.Column<double>(type: "REAL", nullable: true),
                    FunctionPointMmre = table.Column<double>(type: "REAL", nullable: true),
                    FunctionPointMdMre = table.Column<double>(type: "REAL", nullable: true),
                    FunctionPointPred25 = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quote_calibrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "quotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DealId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Seniority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    SpecFormat = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SpecText = table.Column<string>(type: "TEXT", nullable: false),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: false),
                    EffortHours = table.Column<double>(type: "REAL", nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Premium = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    PriceLow = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PriceExpected = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PriceHigh = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CalibrationId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quotes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_quote_calibrations_CreatedAtUtc",
                table: "quote_calibrations",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_quotes_DealId",
                table: "quotes",
                column: "DealId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "quote_calibrations");

            migrationBuilder.DropTable(
                name: "quotes");
        }
    }
}
