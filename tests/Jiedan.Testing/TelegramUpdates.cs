using System.Text.Json.Nodes;

namespace Jiedan.Testing;

/// <summary>Bot API update JSON as Telegram sends it (https://core.telegram.org/bots/api#update).</summary>
public static class TelegramUpdates
{
    public static string Message(long updateId, long chatId, string text) => new JsonObject
    {
        ["update_id"] = updateId,
        ["message"] = new JsonObject
        {
            ["message_id"] = updateId, ["date"] = 1764057600,
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
            ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Client" },
            ["text"] = text,
        },
    }.ToJsonString();

    public static string Press(long updateId, long chatId, string data, long messageId = 900) => new JsonObject
    {
        ["update_id"] = updateId,
        ["callback_query"] = new JsonObject
        {
            ["id"] = "cb" + updateId, ["chat_instance"] = "1",
            ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Client" },
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId, ["date"] = 1764057600, ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
                    ["text"] = "x",
            },
            ["data"] = data,
        },
    }.ToJsonString();

    public const string Requirement = "需求：\n1. 登录接口，验收：返回 JWT\n2. 订单接口\n预算 2 万元，截止 2026-12-20";
}
