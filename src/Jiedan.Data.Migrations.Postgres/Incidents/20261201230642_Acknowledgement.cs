using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiedan.Data.Migrations.Postgres.Incidents
{
    /// <inheritdoc />
    public partial class Acknowledgement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AcknowledgedBy",
                table: "incidents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FixAskedAtUtc",
                table: "incidents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FixRecordedAtUtc",
                table: "incidents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PostedAtUtc",
                table: "incidents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_incidents_DealId_AcknowledgedAtUtc",
                table: "incidents",
                columns: new[] { "DealId", "AcknowledgedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_incidents_DealId_AcknowledgedAtUtc",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "AcknowledgedBy",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "FixAskedAtUtc",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "FixRecordedAtUtc",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "PostedAtUtc",
                table: "incidents");
        }
    }
}
