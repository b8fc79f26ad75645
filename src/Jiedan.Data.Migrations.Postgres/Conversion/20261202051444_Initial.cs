using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jiedan.Data.Migrations.Postgres.Conversion
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Proposal = table.Column<double>(type: "double precision", nullable: false),
                    Repository = table.Column<double>(type: "double precision", nullable: false),
                    Demo = table.Column<double>(type: "double precision", nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FittedDeals = table.Column<int>(type: "integer", nullable: true),
                    Brier = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversion_weights", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deal_conversion_scores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DealId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Proposal = table.Column<int>(type: "integer", nullable: false),
                    Repository = table.Column<int>(type: "integer", nullable: false),
                    Demo = table.Column<int>(type: "integer", nullable: false),
                    Estimate = table.Column<double>(type: "double precision", nullable: false),
                    WeightProposal = table.Column<double>(type: "double precision", nullable: false),
                    WeightRepository = table.Column<double>(type: "double precision", nullable: false),
                    WeightDemo = table.Column<double>(type: "double precision", nullable: false),
                    ProposalChecksJson = table.Column<string>(type: "text", nullable: false),
                    RepositoryChecksJson = table.Column<string>(type: "text", nullable: false),
                    DemoChecksJson = table.Column<string>(type: "text", nullable: false),
                    SourceNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
