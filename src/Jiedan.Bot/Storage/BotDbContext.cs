using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Bot.Storage;

/// <summary>
/// The bot's tables: the inbox of updates (read on arrival, kept as received), conversations, confirmations and their
/// evidence log, the human queue and the outbox. Names are snake_case because the inbox and outbox are also reached
/// with hand-written SQL (batched inserts, <c>FOR UPDATE SKIP LOCKED</c>) on both SQLite and PostgreSQL.
/// </summary>
public sealed class BotDbContext(DbContextOptions<BotDbContext> options) : DbContext(options)
{
    public DbSet<InboundUpdateRecord> InboundUpdates => Set<InboundUpdateRecord>();
    public DbSet<ConversationRecord> Conversations => Set<ConversationRecord>();
    public DbSet<ConfirmationRecord> Confirmations => Set<ConfirmationRecord>();
    public DbSet<ConfirmationTransitionRecord> Transitions => Set<ConfirmationTransitionRecord>();
    public DbSet<HumanQueueRecord> HumanQueue => Set<HumanQueueRecord>();
    public DbSet<OutboxRecord> Outbox => Set<OutboxRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InboundUpdateRecord>(e =>
        {
            e.ToTable("bot_inbound_updates");
            e.HasIndex(x => new { x.Platform, x.Bot, x.UpdateKey }).IsUnique();
            e.HasIndex(x => new { x.ProcessedAtUtc, x.Id });
            e.Property(x => x.Platform).HasMaxLength(32);
            e.Property(x => x.Bot).HasMaxLength(64);
            e.Property(x => x.UpdateKey).HasMaxLength(128);
            e.Property(x => x.Kind).HasMaxLength(16);
        });
        modelBuilder.Entity<ConversationRecord>(e =>
        {
            e.ToTable("bot_conversations");
            e.HasIndex(x => new { x.Platform, x.Bot, x.ChatId }).IsUnique();
            e.HasIndex(x => x.LastMessageUtc);
        });
        modelBuilder.Entity<ConfirmationRecord>(e =>
        {
            e.ToTable("bot_confirmations");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.State).HasMaxLength(32);
            e.Property(x => x.BudgetAmount).HasPrecision(18, 2);
            e.Property(x => x.BudgetCurrency).HasMaxLength(3);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => new { x.ConversationId, x.State });
            e.HasIndex(x => x.DealId);
        });
        modelBuilder.Entity<ConfirmationTransitionRecord>(e =>
        {
            e.ToTable("bot_confirmation_transitions");
            e.HasIndex(x => new { x.ConfirmationId, x.Id });
        });
        modelBuilder.Entity<HumanQueueRecord>(e =>
        {
            e.ToTable("bot_human_queue");
            e.HasIndex(x => new { x.HandledAtUtc, x.Id });
        });
        modelBuilder.Entity<OutboxRecord>(e =>
        {
            e.ToTable("bot_outbox");
            e.HasIndex(x => new { x.SentAtUtc, x.NextAttemptAtUtc, x.Id });
            e.Property(x => x.Method).HasMaxLength(64);
        });

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
                property.SetColumnName(SnakeCase(property.Name));
    }

    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsUpper(name[i - 1])) sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
