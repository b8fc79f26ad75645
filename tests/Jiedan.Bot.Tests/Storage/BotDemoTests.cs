using Jiedan.Bot.Demo;
using Jiedan.Bot.Storage;
using Jiedan.Common.Storage;
using Jiedan.Deals;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Bot;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jiedan.Bot.Tests.Storage;

/// <summary>
/// The bot's demo: a conversation in each state, played through the confirmation core on a fixed clock, nothing in the outbox;
/// the same rows on every run; removal deletes the demo bot's rows and unlinks a real confirmation from a demo deal.
/// </summary>
public sealed class BotDemoTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    private sealed record Seen(string State, int Version, bool Linked, string Log);

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Each_state_is_seeded_without_outbox_rows_and_removed_alone(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = await TestDatabase.CreateAsync(kind);
        await using var second = await TestDatabase.CreateAsync(kind);
        await using var a = await SeededAsync(first, ct);
        await using var b = await SeededAsync(second, ct);

        var seen = await SeenAsync(a, ct);
        Assert.Equal(seen, await SeenAsync(b, ct));
        Assert.Equal(["Confirmed v1", "Confirmed v2", "Expired v1", "Sent v1"],
            seen.Select(s => $"{s.State} v{s.Version}").Order(StringComparer.Ordinal));
        Assert.All(seen, s => Assert.True(s.Linked));
        Assert.Contains(seen, s => s.Log.Contains("amend item 3", StringComparison.Ordinal) && s.Version == 2);
        Assert.Contains(seen, s => s.Log.EndsWith("expire", StringComparison.Ordinal));

        using var scope = a.CreateScope();
        var bot = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        Assert.Equal(0, await bot.Outbox.CountAsync(ct));
        Assert.Equal(2, await bot.HumanQueue.CountAsync(q => q.HandledAtUtc == null, ct));
        Assert.All(await bot.InboundUpdates.ToListAsync(ct), u => Assert.NotNull(u.ProcessedAtUtc));

        // A real conversation whose confirmation someone linked to a demo deal: kept, and unlinked.
        var demoDeal = (await scope.ServiceProvider.GetRequiredService<DemoSeeder>().DemoDealIdsAsync(ct))[0];
        var real = new ConversationRecord { Platform = "telegram", Bot = "main", ChatId = "42", ClientName = "Real",
            FirstSeenUtc = Now.UtcDateTime, LastMessageUtc = Now.UtcDateTime };
        bot.Conversations.Add(real);
        await bot.SaveChangesAsync(ct);
        bot.Confirmations.Add(new ConfirmationRecord { Id = 99_000, ConversationId = real.Id, ChatId = "42", Version = 1,
            State = nameof(ConfirmationState.Confirmed), ItemsJson = "[]", DecisionsJson = "[]", DealId = demoDeal });
        await bot.SaveChangesAsync(ct);

        var removed = await new BotModule().RemoveDemoAsync(scope.ServiceProvider, [demoDeal], ct);
        Assert.True(removed > 0);
        bot.ChangeTracker.Clear();
        Assert.Equal(["Real"], await bot.Conversations.Select(c => c.ClientName).ToListAsync(ct));
        Assert.Null((await bot.Confirmations.SingleAsync(ct)).DealId);
        Assert.Equal(0, await bot.InboundUpdates.CountAsync(ct) + await bot.HumanQueue.CountAsync(ct));
        Assert.Equal(0, await bot.Transitions.CountAsync(ct));
    }

    private static async Task<ServiceProvider> SeededAsync(TestDatabase database, CancellationToken ct)
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        DealsModule.RegisterData(services, database.Target, configuration);
        BotModule.RegisterData(services, database.Target, configuration);
        var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DealsDbContext>().Database.MigrateAsync(ct);
        await scope.ServiceProvider.GetRequiredService<BotDbContext>().Database.MigrateAsync(ct);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(ct);
        await new BotModule().SeedDemoAsync(scope.ServiceProvider, ct);
        return provider;
    }

    private static async Task<List<Seen>> SeenAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var bot = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var confirmations = await bot.Confirmations.OrderBy(c => c.Id).ToListAsync(ct);
        var log = await bot.Transitions.OrderBy(t => t.Id).ToListAsync(ct);
        return [.. confirmations.Select(c => new Seen(c.State, c.Version, c.DealId is not null,
            string.Join(" / ", log.Where(t => t.ConfirmationId == c.Id).Select(t => t.Action))))];
    }
}
