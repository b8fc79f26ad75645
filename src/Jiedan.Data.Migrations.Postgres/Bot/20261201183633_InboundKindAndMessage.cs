using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiedan.Data.Migrations.Postgres.Bot
{
    /// <inheritdoc />
    public partial class InboundKindAndMessage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "bot_inbound_updates",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "message",
                table: "bot_inbound_updates",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "kind",
                table: "bot_inbound_updates");

            migrationBuilder.DropColumn(
                name: "message",
                table: "bot_inbound_updates");
        }
    }
}
