using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiedan.Data.Migrations.Sqlite.Deals
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_stage_spans_Stage_EnteredDay_LeftDay",
                table: "stage_spans");

            migrationBuilder.CreateIndex(
                name: "IX_stage_spans_report",
                table: "stage_spans",
                columns: new[] { "Stage", "LeftDay", "EnteredDay", "Platform", "Category", "Seniority", "LeadDay" });

            migrationBuilder.CreateIndex(
                name: "IX_stage_spans_time_to_sign",
                table: "stage_spans",
                columns: new[] { "Stage", "LeadDay", "EnteredDay", "Platform", "Category", "Seniority" });

            migrationBuilder.CreateIndex(
                name: "IX_deals_report",
                table: "deals",
                columns: new[] { "FurthestStageIndex", "Bottleneck", "Stage", "Platform", "Category", "Seniority", "LeadDay" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_stage_spans_report",
                table: "stage_spans");

            migrationBuilder.DropIndex(
                name: "IX_stage_spans_time_to_sign",
                table: "stage_spans");

            migrationBuilder.DropIndex(
                name: "IX_deals_report",
                table: "deals");

            migrationBuilder.CreateIndex(
                name: "IX_stage_spans_Stage_EnteredDay_LeftDay",
                table: "stage_spans",
                columns: new[] { "Stage", "EnteredDay", "LeftDay" });
        }
    }
}
