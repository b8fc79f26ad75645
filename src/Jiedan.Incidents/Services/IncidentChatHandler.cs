using Jiedan.Bot.Services;
using Jiedan.Domain.Bot;
using Jiedan.Domain.Incidents;
using Jiedan.Incidents.Storage;

namespace Jiedan.Incidents.Services;

/// <summary>
/// The incidents' answers in the client chat, registered with the bot's inbox processor: the acknowledge button or
/// "收到"/"ack"/"received" sets <c>AcknowledgedAtUtc</c> (once), and a suggestion button or a reply "1"-"3" after "which
/// suggestion fixed it?" records the fix as <c>jiedan kb fixed</c> does. Anything else is not this handler's.
/// </summary>
public sealed class IncidentChatHandler(IncidentChatStore incidents, KnowledgeStore knowledge) : IChatMessageHandler
{
    public async Task<ChatMessageHandled?> HandleAsync(ChatMessageContext context, CancellationToken ct)
    {
        var m = context.Message;
        var button = m.Kind == InboundKind.ButtonPress;
        var command = button ? IncidentChat.ReadButton(m.ButtonData) : IncidentChat.ReadText(m.Text);
        if (command is null) return null;
        var by = $"{m.Platform}:{m.From.Id} {m.From.DisplayName}".Trim();
        return command switch
        {
            IncidentChatCommand.AcknowledgeButton a =>
                Acknowledged(m, await incidents.AcknowledgeNotificationAsync(a.IncidentId, context.DealIds, by, ct)),
            IncidentChatCommand.AcknowledgeText when await incidents.AcknowledgeOpenAsync(context.DealIds, by, ct) is { } done =>
                Acknowledged(m, done),
            IncidentChatCommand.FixButton f => await FixedAsync(m, await incidents.FindAsync(f.IncidentId, context.DealIds, ct),
                f.Suggestion, ct),
            IncidentChatCommand.FixText f when await incidents.LastAskedAsync(context.DealIds, ct) is { } asked =>
                await FixedAsync(m, asked, f.Suggestion, ct),
            _ => null,
        };
    }

    private static ChatMessageHandled Acknowledged(InboundMessage m, IncidentChatStore.Acknowledged? done)
    {
        if (done is null) return Answer(m, "此告警不属于本对话 Not an alert of this chat", "incident: not this chat's");
        if (done.Already) return Answer(m, "已确认过 Already acknowledged", "incident: acknowledged before");
        var names = MatchOutput.Clip(string.Join(", ", done.AlertNames), 500);
        return Answer(m, "已确认收到 Acknowledged", $"incident acknowledged: {names}", $"👍 已确认收到 Acknowledged: {names}");
    }

    private async Task<ChatMessageHandled> FixedAsync(InboundMessage m, IncidentRecord? incident, int suggestion, CancellationToken ct)
    {
        if (incident is null) return Answer(m, "此告警不属于本对话 Not an alert of this chat", "incident: not this chat's");
        var suggestions = MatchOutput.Stored(incident.MatchesJson);
        if (suggestion > suggestions.Count || !await knowledge.RecordFixAsync(incident.Id, suggestions[suggestion - 1].Title, ct))
            return Answer(m, $"没有第 {suggestion} 条建议 There is no suggestion {suggestion}", "incident: no such suggestion",
                button: false);
        var title = suggestions[suggestion - 1].Title;
        return Answer(m, "已记录 Recorded", $"incident {incident.Id} fixed by {title}",
            $"🛠 已记录：{title} 修复了 {incident.AlertName} · Recorded: {title} fixed {incident.AlertName}");
    }

    /// <summary>A button press is answered by a notice (its spinner stops); a text by a message, when there is one.</summary>
    private static ChatMessageHandled Answer(InboundMessage m, string notice, string outcome, string? message = null, bool button = true)
    {
        var replies = new List<OutboundReply>();
        if (m.Kind == InboundKind.ButtonPress) replies.Add(new AnswerButton(m.ChatId, m.ButtonId ?? "", notice));
        if (message is not null) replies.Add(SendText.Plain(m.ChatId, message));
        else if (m.Kind == InboundKind.Text && !button) replies.Add(SendText.Plain(m.ChatId, notice));
        return new ChatMessageHandled(replies, outcome);
    }
}
