using System.Globalization;
using System.Text;

namespace Jiedan.Domain.Bot;

/// <summary>
/// The exact bilingual text and buttons shown to the client for a confirmation. What is rendered here is what
/// goes into the evidence log, so it must be deterministic.
/// </summary>
public static class ConfirmationText
{
    public static string Render(Confirmation c)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"需求确认 Requirement confirmation #{c.Id} v{c.Version}\n");
        for (var i = 0; i < c.Items.Count; i++)
        {
            var item = c.Items[i];
            sb.Append(CultureInfo.InvariantCulture, $"{item.Number}. {item.Text}{Mark(c.Decisions[i])}\n");
            if (item.Acceptance is { } a) sb.Append(CultureInfo.InvariantCulture, $"   验收 Acceptance: {a}\n");
        }
        if (c.Deadline is { } d) sb.Append(CultureInfo.InvariantCulture, $"截止 Deadline: {d:yyyy-MM-dd}\n");
        if (c.Budget is { } b) sb.Append(CultureInfo.InvariantCulture, $"预算 Budget: {b} {b.Currency.Code}\n");
        sb.Append(c.State switch
        {
            ConfirmationState.Confirmed => "✅ 已确认 Confirmed",
            ConfirmationState.Expired => "⌛ 已过期 Expired",
            ConfirmationState.AmendRequested => "✏️ 等待修改 Waiting for the amendment",
            _ => "请逐项确认或修改 Please confirm or amend each item (回复 reply: 确认 confirm / 修改 N amend N)",
        });
        return sb.ToString();
    }

    private static string Mark(ItemDecision d) => d switch
    {
        ItemDecision.Confirmed => " ✅",
        ItemDecision.AmendRequested => " ✏️",
        _ => "",
    };

    public static IReadOnlyList<IReadOnlyList<ReplyButton>> Buttons(Confirmation c)
    {
        if (c.State != ConfirmationState.Sent) return [];
        var rows = new List<IReadOnlyList<ReplyButton>>();
        foreach (var item in c.Items)
        {
            rows.Add(
            [
                new ReplyButton($"✅ {item.Number}", new ConfirmationButton(c.Id, c.Version, ButtonAction.Confirm, item.Number).Encode()),
                new ReplyButton($"✏️ {item.Number}", new ConfirmationButton(c.Id, c.Version, ButtonAction.Amend, item.Number).Encode()),
            ]);
        }
        rows.Add(
        [
            new ReplyButton("✅ 全部确认 Confirm all", new ConfirmationButton(c.Id, c.Version, ButtonAction.Confirm, 0).Encode()),
            new ReplyButton("✏️ 修改 Amend", new ConfirmationButton(c.Id, c.Version, ButtonAction.Amend, 0).Encode()),
        ]);
        return rows;
    }

    public static string AskForAmendment(int item) => item == 0
        ? "请发送修改后的完整需求。Please send the corrected requirement."
        : $"请发送第 {item} 项的新内容。Please send the new text for item {item}.";
}
