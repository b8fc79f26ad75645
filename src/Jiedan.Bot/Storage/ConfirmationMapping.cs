using System.Text.Json;
using Jiedan.Domain.Bot;
using Jiedan.Domain.Currencies;

namespace Jiedan.Bot.Storage;

/// <summary>Between the domain's <see cref="Confirmation"/> and its stored record.</summary>
public static class ConfirmationMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Confirmation ToDomain(ConfirmationRecord r, string conversationKey) => new(
        r.Id, conversationKey, r.ChatId, r.Version, Enum.Parse<ConfirmationState>(r.State),
        JsonSerializer.Deserialize<List<RequirementItem>>(r.ItemsJson, Json) ?? [],
        [.. (JsonSerializer.Deserialize<List<string>>(r.DecisionsJson, Json) ?? []).Select(Enum.Parse<ItemDecision>)],
        r.Deadline,
        r.BudgetAmount is { } amount && Currency.TryParse(r.BudgetCurrency, out var currency) ? new Money(amount, currency) : null,
        r.AmendingItem, r.CreatedAtUtc, r.ExpiresAtUtc);

    public static void CopyTo(Confirmation c, ConfirmationRecord r, DateTime nowUtc)
    {
        r.ChatId = c.ChatId;
        r.Version = c.Version;
        r.State = c.State.ToString();
        r.ItemsJson = JsonSerializer.Serialize(c.Items, Json);
        r.DecisionsJson = JsonSerializer.Serialize(c.Decisions.Select(d => d.ToString()), Json);
        r.Deadline = c.Deadline;
        r.BudgetAmount = c.Budget?.Amount;
        r.BudgetCurrency = c.Budget?.Currency.Code;
        r.AmendingItem = c.AmendingItem;
        r.CreatedAtUtc = c.CreatedAtUtc;
        r.ExpiresAtUtc = c.ExpiresAtUtc;
        r.UpdatedAtUtc = nowUtc;
        r.Revision++;
    }

    public static IReadOnlyList<RequirementItem> Items(ConfirmationRecord r) =>
        JsonSerializer.Deserialize<List<RequirementItem>>(r.ItemsJson, Json) ?? [];
}
