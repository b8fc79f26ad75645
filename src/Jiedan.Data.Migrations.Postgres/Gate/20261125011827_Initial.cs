using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jiedan.Data.Migrations.Postgres.Gate
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "gate_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DealId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Passed = table.Column<bool>(type: "boolean", nullable: false),
                    Checks = table.Column<int>(type: "integer", nullable: false),
                    Blocking = table.Column<int>(type: "integer", nullable: false),
                    EvidenceSha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Project = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ChecklistJson = table.Column<string>(type: "text", nullable: false),
                    ReportHtml = table.Column<string>(type: "text", nullable: false),
                    ReportPdf = table.Column<byte[]>(type: "bytea", nullable: true),
                    ReportMarkdown = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gate_runs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_gate_runs_DealId_CreatedAtUtc",
                table: "gate_runs",
                columns: new[] { "DealId", "CreatedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "gate_runs");
        }
    }
}
