using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jiedan.Data.Migrations.Postgres.Bot
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bot_confirmation_transitions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    confirmation_id = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    from_state = table.Column<string>(type: "text", nullable: false),
                    to_state = table.Column<string>(type: "text", nullable: false),
                    action = table.Column<string>(type: "text", nullable: false),
                    actor = table.Column<string>(type: "text", nullable: false),
                    snapshot = table.Column<string>(type: "text", nullable: false),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    inbound_update_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bot_confirmation_transitions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bot_confirmations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    conversation_id = table.Column<long>(type: "bigint", nullable: false),
                    chat_id = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    items_json = table.Column<string>(type: "text", nullable: false),
                    decisions_json = table.Column<string>(type: "text", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    budget_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    budget_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    amending_item = table.Column<int>(type: "integer", nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    deal_id = table.Column<long>(type: "bigint", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bot_confirmations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bot_conversations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    platform = table.Column<string>(type: "text", nullable: false),
                    bot = table.Column<string>(type: "text", nullable: false),
                    chat_id = table.Column<string>(type: "text", nullable: false),
                    client_name = table.Column<string>(type: "text", nullable: false),
                    first_seen_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_message_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bot_conversations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bot_human_queue",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    conversation_id = table.Column<long>(type: "bigint", nullable: false),
                    inbound_update_id = table.Column<long>(type: "bigint", nullable: false),
                    client_name = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    received_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    handled_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    handled_by = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bot_human_queue", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bot_inbound_updates",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    platform = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    bot = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    update_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    received_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    processed_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bot_inbound_updates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bot_outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    platform = table.Column<string>(type: "text", nullable: false),
                    bot = table.Column<string>(type: "text", nullable: false),
                    method = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    inbound_update_id = table.Column<long>(type: "bigint", nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    claimed_by = table.Column<string>(type: "text", nullable: true),
                    claimed_until_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    sent_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    failed_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    sent_by = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bot_outbox", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bot_confirmation_transitions_confirmation_id_id",
                table: "bot_confirmation_transitions",
                columns: new[] { "confirmation_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_bot_confirmations_conversation_id_state",
                table: "bot_confirmations",
                columns: new[] { "conversation_id", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_bot_confirmations_deal_id",
                table: "bot_confirmations",
                column: "deal_id");

            migrationBuilder.CreateIndex(
                name: "IX_bot_conversations_last_message_utc",
                table: "bot_conversations",
                column: "last_message_utc");

            migrationBuilder.CreateIndex(
                name: "IX_bot_conversations_platform_bot_chat_id",
                table: "bot_conversations",
                columns: new[] { "platform", "bot", "chat_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bot_human_queue_handled_at_utc_id",
                table: "bot_human_queue",
                columns: new[] { "handled_at_utc", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_bot_inbound_updates_platform_bot_update_key",
                table: "bot_inbound_updates",
                columns: new[] { "platform", "bot", "update_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bot_inbound_updates_processed_at_utc_id",
                table: "bot_inbound_updates",
                columns: new[] { "processed_at_utc", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_bot_outbox_sent_at_utc_next_attempt_at_utc_id",
                table: "bot_outbox",
                columns: new[] { "sent_at_utc", "next_attempt_at_utc", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bot_confirmation_transitions");

            migrationBuilder.DropTable(
                name: "bot_confirmations");

            migrationBuilder.DropTable(
                name: "bot_conversations");

            migrationBuilder.DropTable(
                name: "bot_human_queue");

            migrationBuilder.DropTable(
                name: "bot_inbound_updates");

            migrationBuilder.DropTable(
                name: "bot_outbox");
        }
    }
}
