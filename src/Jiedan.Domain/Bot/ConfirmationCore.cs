using System.Text.RegularExpressions;

namespace Jiedan.Domain.Bot;

/// <summary>
/// The platform-neutral confirmation flow: Draft → Sent → Confirmed | AmendRequested → Sent …; Expired.
/// Pure: the caller loads the confirmation a message refers to (see <see cref="Target"/>), passes the clock
/// and an id for a new confirmation, and stores what comes back in one transaction.
/// </summary>
public sealed partial class ConfirmationCore(BotOptions options)
{
    public const string BotActor = "bot";

    /// <summary>Which confirmation a message is about: a button names it; text refers to the conversation's open one.</summary>
    public static ConfirmationButton? Target(InboundMessage message) =>
        message.Kind == InboundKind.ButtonPress ? ConfirmationButton.TryDecode(message.ButtonData) : null;

    public BotDecision Handle(InboundMessage message, Confirmation? target, long newConfirmationId, DateTime nowUtc)
    {
        if (target is not null && target.IsExpiredAt(nowUtc))
        {
            var expired = Expire(target, nowUtc);
            var rest = Handle(message, null, newConfirmationId, nowUtc);
            return rest with
            {
                Confirmations = [.. expired.Confirmations, .. rest.Confirmations],
                Transitions = [.. expired.Transitions, .. rest.Transitions],
                Replies = [.. expired.Replies, .. rest.Replies],
            };
        }
        return message.Kind switch
        {
            InboundKind.ButtonPress => OnButton(message, target, nowUtc),
            InboundKind.Text => OnText(message, target, newConfirmationId, nowUtc),
            _ => BotDecision.HumanQueue(),
        };
    }

    /// <summary>Closes a confirmation nobody answered in time.</summary>
    public static BotDecision Expire(Confirmation c, DateTime nowUtc)
    {
        var next = c with { State = ConfirmationState.Expired, AmendingItem = null };
        var text = ConfirmationText.Render(next);
        return new BotDecision([next], [Transition(c, next, "expire", BotActor, text, nowUtc)], [], false);
    }

    private static BotDecision OnButton(InboundMessage m, Confirmation? target, DateTime now)
    {
        var button = Target(m);
        var answerId = m.ButtonId ?? "";
        if (button is null || target is null || target.Id != button.ConfirmationId)
            return BotDecision.ReplyOnly(new AnswerButton(m.ChatId, answerId, "此确认已失效 This confirmation is no longer active"));
        if (button.Version != target.Version || target.State != ConfirmationState.Sent)
            return BotDecision.ReplyOnly(new AnswerButton(m.ChatId, answerId,
                $"这是旧版本 v{button.Version}，当前为 v{target.Version} ({target.State}) This is an older version"));
        var decision = Apply(target, button.Action, button.Item, m, now);
        if (decision.Confirmation is { } after && m.SourceMessageId is { } messageId)
            decision = decision with { Replies = [.. decision.Replies, new EditText(m.ChatId, messageId, ConfirmationText.Render(after),
                ConfirmationText.Buttons(after))] };
        var notice = decision.Confirmation?.State switch
        {
            ConfirmationState.Confirmed => "已确认 Confirmed",
            ConfirmationState.AmendRequested => "请发送修改 Please send the change",
            _ => $"第 {button.Item} 项已确认 Item {button.Item} confirmed",
        };
        return decision with { Replies = [new AnswerButton(m.ChatId, answerId, notice), .. decision.Replies] };
    }

    private BotDecision OnText(InboundMessage m, Confirmation? open, long newId, DateTime now)
    {
        var text = m.Text ?? "";
        if (open is { State: ConfirmationState.AmendRequested }) return Amend(open, text, m, now);
        if (open is { State: ConfirmationState.Sent })
        {
            var confirm = ConfirmCommand().Match(text);
            if (confirm.Success) return Apply(open, ButtonAction.Confirm, ItemNumber(confirm), m, now);
            var amend = AmendCommand().Match(text);
            if (amend.Success)
            {
                var asked = Apply(open, ButtonAction.Amend, ItemNumber(amend), m, now);
                var newText = amend.Groups["text"].Value.Trim();
                if (newText.Length == 0 || asked.Confirmation is null) return asked;
                var amended = Amend(asked.Confirmation, newText, m, now);
                return amended with { Transitions = [.. asked.Transitions, .. amended.Transitions] };
            }
        }
        // Not answered automatically: a person replies from the dashboard, and a chatty bot would only get in the way.
        if (!options.IsRequirement(text)) return BotDecision.HumanQueue();
        return Start(m, newId, now);
    }

    private static int ItemNumber(Match m) => m.Groups["n"].Success
        ? int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    private BotDecision Start(InboundMessage m, long id, DateTime now)
    {
        var draft = RequirementParser.Parse(m.Text ?? "", DateOnly.FromDateTime(m.SentAtUtc));
        var items = draft.Items.Count > 0 ? draft.Items : [new RequirementItem(1, (m.Text ?? "").Trim(), null)];
        var created = new Confirmation(id, m.ConversationKey, m.ChatId, 1, ConfirmationState.Draft, items,
            [.. items.Select(_ => ItemDecision.Pending)], draft.Deadline, draft.Budget, null, now, now + options.ConfirmationLifetime);
        var sent = created with { State = ConfirmationState.Sent };
        var shown = ConfirmationText.Render(sent);
        return new BotDecision([sent],
            [
                new ConfirmationTransition(id, 1, ConfirmationState.Draft, ConfirmationState.Draft, "draft", Actor(m), m.Text ?? "", now),
                Transition(created, sent, "send", BotActor, shown, now),
            ],
            [new SendText(m.ChatId, shown, ConfirmationText.Buttons(sent))], false);
    }

    private static BotDecision Apply(Confirmation c, ButtonAction action, int item, InboundMessage m, DateTime now)
    {
        if (item < 0 || item > c.Items.Count)
            return BotDecision.ReplyOnly(SendText.Plain(m.ChatId, $"没有第 {item} 项 There is no item {item}"));
        var decisions = c.Decisions.ToArray();
        var value = action == ButtonAction.Confirm ? ItemDecision.Confirmed : ItemDecision.AmendRequested;
        if (item == 0) Array.Fill(decisions, value);
        else decisions[item - 1] = value;
        var state = action == ButtonAction.Amend ? ConfirmationState.AmendRequested
            : decisions.All(d => d == ItemDecision.Confirmed) ? ConfirmationState.Confirmed : ConfirmationState.Sent;
        var next = c with { Decisions = decisions, State = state, AmendingItem = action == ButtonAction.Amend ? item : null };
        var label = (action == ButtonAction.Confirm ? "confirm" : "amend") + (item == 0 ? " all" : $" item {item}");
        var replies = new List<OutboundReply>();
        if (action == ButtonAction.Amend) replies.Add(SendText.Plain(m.ChatId, ConfirmationText.AskForAmendment(item)));
        else if (state == ConfirmationState.Confirmed && m.Kind == InboundKind.Text)
            replies.Add(SendText.Plain(m.ChatId, ConfirmationText.Render(next)));
        // The snapshot is the text the client acted on (the version they saw), with the decisions it produced.
        return new BotDecision([next], [Transition(c, next, label, Actor(m), ConfirmationText.Render(next), now)], replies, false);
    }

    private BotDecision Amend(Confirmation c, string text, InboundMessage m, DateTime now)
    {
        var draft = RequirementParser.Parse(text, DateOnly.FromDateTime(m.SentAtUtc));
        var item = c.AmendingItem ?? 0;
        IReadOnlyList<RequirementItem> items;
        ItemDecision[] decisions;
        if (item == 0 || item > c.Items.Count)
        {
            items = draft.Items.Count > 0 ? draft.Items : [new RequirementItem(1, text.Trim(), null)];
            decisions = [.. items.Select(_ => ItemDecision.Pending)];
        }
        else
        {
            var replacement = draft.Items.Count > 0 ? draft.Items[0] : new RequirementItem(item, text.Trim(), null);
            items = [.. c.Items.Select(i => i.Number == item ? replacement
                with { Number = item, Acceptance = replacement.Acceptance ?? i.Acceptance } : i)];
            decisions = [.. c.Decisions.Select((d, i) => i == item - 1 ? ItemDecision.Pending : d)];
        }
        var next = c with
        {
            Version = c.Version + 1, State = ConfirmationState.Sent, Items = items, Decisions = decisions, AmendingItem = null,
            Deadline = draft.Deadline ?? c.Deadline, Budget = draft.Budget ?? c.Budget, ExpiresAtUtc = now + options.ConfirmationLifetime,
        };
        var shown = ConfirmationText.Render(next);
        return new BotDecision([next],
            [
                new ConfirmationTransition(c.Id, c.Version, c.State, c.State, "amendment", Actor(m), text, now),
                Transition(c, next, "send", BotActor, shown, now),
            ],
            [new SendText(m.ChatId, shown, ConfirmationText.Buttons(next))], false);
    }

    private static ConfirmationTransition Transition(Confirmation from, Confirmation to, string action, string actor, string snapshot,
        DateTime now) =>
        new(from.Id, to.Version, from.State, to.State, action, actor, snapshot, now);

    private static string Actor(InboundMessage m) => $"{m.Platform}:{m.From.Id} {m.From.DisplayName}".Trim();

    [GeneratedRegex(@"^\s*(?:确认|confirm(?:ed)?|ok)\s*(?:全部|all)?\s*(?<n>\d{1,3})?\s*[.!。！]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ConfirmCommand();

    [GeneratedRegex(@"^\s*(?:修改|amend)\s*(?<n>\d{1,3})?\s*(?:[:：]\s*(?<text>.+))?$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AmendCommand();
}
