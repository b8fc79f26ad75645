using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiedan.Data.Migrations.Sqlite.Gate
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DealId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Checks = table.Column<int>(type: "INTEGER", nullable: false),
                    Blocking = table.Column<int>(type: "INTEGER", nullable: false),
                    EvidenceSha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Project = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ChecklistJson = table.Column<string>(type: "TEXT", nullable: false),
                    ReportHtml = table.Column<string>(type: "TEXT", nullable: false),
                    ReportPdf = table.Column<byte[]>(type: "BLOB", nullable: true),
                    ReportMarkdown = table.Column<string>(type: "TEXT", nullable: false)
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
