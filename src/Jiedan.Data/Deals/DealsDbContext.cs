using Microsoft.EntityFrameworkCore;

namespace Jiedan.Data.Deals;

public sealed class DealsDbContext(DbContextOptions<DealsDbContext> options) : DbContext(options)
{
    public DbSet<DealRecord> Deals => Set<DealRecord>();
    public DbSet<StageEventRecord> StageEvents => Set<StageEventRecord>();
    public DbSet<StageSpanRecord> StageSpans => Set<StageSpanRecord>();
    public DbSet<MarketRateRecord> MarketRates => Set<MarketRateRecord>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<DealRecord>(e =>
        {
            e.ToTable("deals");
            e.HasIndex(d => d.ExternalId).IsUnique();
            e.HasIndex(d => new { d.Stage, d.StageEnteredAt });
            e.Property(d => d.Version).IsConcurrencyToken();
            e.Property(d => d.BudgetAmount).HasPrecision(18, 2);
            foreach (var p in new[] { "Client", "Platform", "Category", "Seniority", "Stage", "ExternalId", "BudgetCurrency", "Bottleneck" })
                e.Property(p).HasMaxLength(p == "Client" ? 200 : 64);
            e.HasMany(d => d.Events).WithOne().HasForeignKey(ev => ev.DealId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<StageEventRecord>(e =>
        {
            e.ToTable("stage_events");
            e.HasIndex(ev => new { ev.DealId, ev.Seq }).IsUnique();
            e.Property(ev => ev.ToStage).HasMaxLength(64);
            e.Property(ev => ev.FromStage).HasMaxLength(64);
            e.Property(ev => ev.Actor).HasMaxLength(128);
        });
        b.Entity<StageSpanRecord>(e =>
        {
            e.ToTable("stage_spans");
            e.HasKey(s => new { s.DealId, s.Seq });
            e.HasIndex(s => new { s.Stage, s.EnteredDay, s.LeftDay });
            foreach (var p in new[] { "Stage", "Platform", "Category", "Seniority" }) e.Property(p).HasMaxLength(64);
            e.HasOne<DealRecord>().WithMany(d => d.Spans).HasForeignKey(s => s.DealId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<MarketRateRecord>(e =>
        {
            e.ToTable("market_rates");
            e.HasKey(r => new { r.Platform, r.Band });
            e.Property(r => r.Low).HasPrecision(18, 2);
            e.Property(r => r.High).HasPrecision(18, 2);
            foreach (var p in new[] { "Platform", "Band", "Currency" }) e.Property(p).HasMaxLength(32);
        });
    }
}
