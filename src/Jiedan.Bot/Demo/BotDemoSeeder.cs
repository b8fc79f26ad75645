using System.Globalization;
using Jiedan.Bot.Storage;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Bot;
using Jiedan.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Bot.Demo;

/// <summary>
/// Bot conversations on demo deals, one in each state a user meets: confirmed, amended then confirmed again (version 2),
/// expired, waiting for confirmation, and messages waiting in the human queue. The scripted messages go through the real
/// confirmation core (<see cref="ConfirmationCore"/>), so the evidence log holds what the bot would have shown; its replies are
/// dropped, never put in the outbox, and no platform is contacted. Everything belongs to the bot named <see cref="BotName"/>,
/// which is how the pages mark it and how <see cref="RemoveAsync"/> finds it.
/// </summary>
public sealed class BotDemoSeeder(BotDbContext db, DealsDbContext deals, BotOptions options, TimeProvider clock)
{
    public const string BotName = "demo";

    private sealed record Line(double Hours, string Text);

    /// <summary>A scripted chat: who, where, when it started (days ago), what was said, and whether a demo deal is linked.</summary>
    private sealed record Script(string Platform, string ChatId, string UserId, string Client, double DaysAgo, bool LinkDeal,
        params Line[] Lines);

    private static IReadOnlyList<Script> Scripts(DateOnly today)
    {
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return
        [
            new("wecom", "demo-wecom-1001", "wangjing", "王静 · 杭州云栈科技（演示）", 26, true,
                new Line(0, $"您好，我们需要开发一个订单管理后台：\n1. 订单列表和筛选，验收：1 万条数据 1 秒内返回\n2. 导出 Excel\n"
                    + $"3. 微信支付回调\n预算 3 万元，截止 {Day(10)}"),
                new Line(3.5, "确认")),
            new("telegram", "demo-tg-2001", "4410021", "Emily Carter · Northwind Analytics (demo)", 19, true,
                new Line(0, "Hi! We need you to build a Go REST API for our analytics app:\n1. user signup with email verification\n"
                    + $"2. JWT login\n3. admin export to CSV\nBudget $4,000, deadline {Day(20)}"),
                new Line(5, "amend 3: admin export to CSV and PDF, acceptance: a 10,000-row export finishes within 5 s"),
                new Line(6.25, "confirm")),
            new("telegram", "demo-tg-2002", "5520187", "李伟 · 深圳极光数据（演示）", 15, true,
                new Line(0, $"需求：\n1. Kafka 消费并写入 ClickHouse\n2. 失败重试和告警\n预算 5 万元，截止 {Day(5)}")),
            new("wecom", "demo-wecom-1002", "zhaolei", "赵磊 · 成都蓝鲸智能（演示）", 1.5, true,
                new Line(0, "我们想开发一个设备巡检的小程序：\n1. 扫码巡检\n2. 异常拍照上报\n3. 后台统计报表\n预算 2 万元，两周内交付")),
            new("telegram", "demo-tg-2003", "6630954", "Marco Rossi · Helios Energy (demo)", 2, false,
                new Line(0, "Hi, are you available for a quick call on Friday?")),
            new("wecom", "demo-wecom-1003", "chenyu", "陈雨 · 上海澜舟信息（演示）", 0.5, false,
                new Line(0, "周末方便电话沟通一下吗？")),
        ];
    }

    /// <summary>Plays the scripts; returns how many inbound messages it stored.</summary>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var core = new ConfirmationCore(options);
        var now = clock.GetUtcNow().UtcDateTime;
        var dealIds = await deals.Deals.AsNoTracking().Where(d => d.IsDemo && d.Stage != PipelineStages.LostKey)
            .OrderByDescending(d => d.Id).Select(d => d.Id).Take(8).ToListAsync(ct);
        var linked = 0;
        var stored = 0;
        foreach (var script in Scripts(DateOnly.FromDateTime(now)))
        {
            var start = now.AddDays(-script.DaysAgo);
            long? dealId = script.LinkDeal && linked < dealIds.Count ? dealIds[linked++] : null;
            var conversation = new ConversationRecord
            {
                Platform = script.Platform, Bot = BotName, ChatId = script.ChatId, ClientName = script.Client,
                FirstSeenUtc = start, LastMessageUtc = start.AddHours(script.Lines[^1].Hours),
            };
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync(ct);
            ConfirmationRecord? open = null;
            for (var i = 0; i < script.Lines.Length; i++)
            {
                var at = start.AddHours(script.Lines[i].Hours);
                var message = new InboundMessage(script.Platform, $"{script.ChatId}-{i + 1}", InboundKind.Text, script.ChatId,
                    new ChatUser(script.UserId, script.Client), at, script.Lines[i].Text);
                var update = new InboundUpdateRecord
                {
                    Platform = script.Platform, Bot = BotName, UpdateKey = message.UpdateKey, Kind = nameof(InboundKind.Text),
                    Message = InboundMessageJson.Write(message), Body = """{"demo":true}""", ReceivedAtUtc = at, ProcessedAtUtc = at,
                };
                db.InboundUpdates.Add(update);
                await db.SaveChangesAsync(ct);
                var decision = core.Handle(message, open is null ? null : ConfirmationMapping.ToDomain(open, message.ConversationKey),
                    update.Id, at);
                open = Apply(decision, open, conversation, update, message, dealId, at);
                stored++;
            }
            // Nobody answered in time: expired when its lifetime ran out, as the processor's expiry loop would have done.
            if (open is not null && ConfirmationMapping.ToDomain(open, "") is { } last && last.IsExpiredAt(now))
                Apply(ConfirmationCore.Expire(last, last.ExpiresAtUtc), open, conversation, null, null, dealId, last.ExpiresAtUtc);
            await db.SaveChangesAsync(ct);
        }
        db.ChangeTracker.Clear();
        return stored;
    }

    /// <summary>
    /// Deletes everything of the demo bot and nothing of a real one; a real confirmation linked to a demo deal is unlinked, not deleted.
    /// </summary>
    public async Task<int> RemoveAsync(IReadOnlyCollection<long> demoDealIds, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var conversations = db.Conversations.Where(c => c.Bot == BotName).Select(c => c.Id);
        var confirmations = db.Confirmations.Where(f => conversations.Contains(f.ConversationId)).Select(f => f.Id);
        var rows = await db.Transitions.Where(t => confirmations.Contains(t.ConfirmationId)).ExecuteDeleteAsync(ct);
        rows += await db.Confirmations.Where(f => conversations.Contains(f.ConversationId)).ExecuteDeleteAsync(ct);
        rows += await db.HumanQueue.Where(q => conversations.Contains(q.ConversationId)).ExecuteDeleteAsync(ct);
        rows += await db.Outbox.Where(o => o.Bot == BotName).ExecuteDeleteAsync(ct);
        rows += await db.InboundUpdates.Where(u => u.Bot == BotName).ExecuteDeleteAsync(ct);
        rows += await db.Conversations.Where(c => c.Bot == BotName).ExecuteDeleteAsync(ct);
        await db.Confirmations.Where(f => f.DealId != null && demoDealIds.Contains(f.DealId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.DealId, (long?)null).SetProperty(f => f.Revision, f => f.Revision + 1), ct);
        await tx.CommitAsync(ct);
        return rows;
    }

    /// <summary>Stores what the core decided, as the inbox processor does, but without the replies.</summary>
    private ConfirmationRecord? Apply(BotDecision decision, ConfirmationRecord? open, ConversationRecord conversation,
        InboundUpdateRecord? update, InboundMessage? message, long? dealId, DateTime at)
    {
        foreach (var c in decision.Confirmations)
        {
            var record = c.Id == open?.Id ? open : null;
            if (record is null)
            {
                record = new ConfirmationRecord { Id = c.Id, ConversationId = conversation.Id, ChatId = c.ChatId, State = "",
                    ItemsJson = "[]", DecisionsJson = "[]", DealId = dealId };
                db.Confirmations.Add(record);
            }
            ConfirmationMapping.CopyTo(c, record, at);
            open = record;
        }
        foreach (var t in decision.Transitions)
        {
            db.Transitions.Add(new ConfirmationTransitionRecord
            {
                ConfirmationId = t.ConfirmationId, Version = t.Version, FromState = t.From.ToString(), ToState = t.To.ToString(),
                Action = t.Action, Actor = t.Actor, Snapshot = t.Snapshot, AtUtc = t.AtUtc, InboundUpdateId = update?.Id,
            });
        }
        if (decision.ToHumanQueue && update is not null && message is not null)
        {
            db.HumanQueue.Add(new HumanQueueRecord
            {
                ConversationId = conversation.Id, InboundUpdateId = update.Id, ClientName = message.From.DisplayName,
                Text = message.Text ?? "", ReceivedAtUtc = at,
            });
        }
        if (update is not null)
            update.Outcome = (decision.ToHumanQueue ? "human queue"
                : decision.Confirmation is { } done ? $"confirmation {done.Id} v{done.Version} {done.State}" : "answered") + " (demo)";
        return open;
    }
}
