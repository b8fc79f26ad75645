using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jiedan.Bot.Storage;
using Jiedan.Reporting.Documents;

namespace Jiedan.Bot.Services;

/// <summary>
/// A confirmation's evidence log for a contract: every transition with who acted and the exact text shown,
/// as JSON (for machines) or Markdown (for people). The Markdown carries the SHA-256 of the JSON.
/// </summary>
public static class BotEvidence
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(BotDashboard.ConfirmationDetail d) => JsonSerializer.Serialize(new
    {
        confirmation = new
        {
            d.Confirmation.Id, d.Confirmation.Version, d.Confirmation.State, d.Confirmation.DealId,
            platform = d.Conversation.Platform, bot = d.Conversation.Bot, chatId = d.Conversation.ChatId, client =
                d.Conversation.ClientName,
            items = ConfirmationMapping.Items(d.Confirmation),
            deadline = d.Confirmation.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            budget = d.Confirmation.BudgetAmount is { } a ? new { amount = a, currency = d.Confirmation.BudgetCurrency } : null,
            createdAtUtc = d.Confirmation.CreatedAtUtc, expiresAtUtc = d.Confirmation.ExpiresAtUtc,
        },
        transitions = d.Log.Select(t => new
        {
            t.Id, t.Version, from = t.FromState, to = t.ToState, t.Action, t.Actor, t.AtUtc, t.InboundUpdateId, t.Snapshot,
        }),
    }, Json);

    public static string ToMarkdown(BotDashboard.ConfirmationDetail d)
    {
        var json = ToJson(d);
        var c = d.Confirmation;
        var items = ConfirmationMapping.Items(c);
        var doc = new ReportDocument($"需求确认证据 Requirement confirmation evidence #{c.Id}",
        [
            new Heading("条目 Items"),
            new Table(["#", "需求 Requirement", "验收 Acceptance"],
                [.. items.Select(i => (IReadOnlyList<string>)[i.Number.ToString(CultureInfo.InvariantCulture), i.Text, i.Acceptance
                ?? ""])]),
            new Heading("记录 Log"),
            .. d.Log.SelectMany(t => new ReportBlock[]
            {
                new Heading($"{t.AtUtc:yyyy-MM-dd HH:mm:ss} UTC · v{t.Version} · {t.FromState} → {t.ToState} · {t.Action} · {t.Actor}", 3),
                new Paragraph(t.Snapshot),
            }),
        ])
        {
            Meta =
            [
                new("Client",
                    $"{d.Conversation.ClientName} ({d.Conversation.Platform}/{d.Conversation.Bot}, chat {d.Conversation.ChatId})"),
                new("State", $"{c.State} v{c.Version}"),
                new("Deal", c.DealId?.ToString(CultureInfo.InvariantCulture) ?? "—"),
                new("SHA-256 (JSON evidence)", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))),
            ],
        };
        return MarkdownReport.Render(doc);
    }
}
