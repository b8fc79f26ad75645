using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiedan.Data.Migrations.Sqlite.Conversion
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "conversion_weights",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Proposal = table.Column<double>(type: "REAL", nullable: false),
                    Repository = table.Column<double>(type: "REAL", nullable: false),
                    Demo = table.Column<double>(type: "REAL", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FittedDeals = table.Column<int>(type: "INTEGER", nullable: true),
                    Brier = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversion_weights", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deal_conversion_scores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DealId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Proposal = table.Column<int>(type: "INTEGER", nullable: false),
                    Repository = table.Column<int>(type: "INTEGER", nullable: false),
                    Demo = table.Column<int>(type: "INTEGER", nullable: false),
                    Estimate = table.Column<double>(type: "REAL", nullable: false),
                    WeightProposal = table.Column<double>(type: "REAL", nullable: false),
                    WeightRepository = table.Column<double>(type: "REAL", nullable: false),
                    WeightDemo = table.Column<double>(type: "REAL", nullable: false),
                    ProposalChecksJson = table.Column<string>(type: "TEXT", nullable: false),
                    RepositoryChecksJson = table.Column<string>(type: "TEXT", nullable: false),
                    DemoChecksJson = table.Column<string>(type: "TEXT", nullable: false),
                    SourceNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deal_conversion_scores", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_conversion_weights_CreatedAtUtc",
                table: "conversion_weights",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_deal_conversion_scores_DealId_CreatedAtUtc",
                table: "deal_conversion_scores",
                columns: new[] { "DealId", "CreatedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conversion_weights");

            migrationBuilder.DropTable(
                name: "deal_conversion_scores");
        }
    }
}
