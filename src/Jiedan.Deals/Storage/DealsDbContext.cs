using Microsoft.EntityFrameworkCore;

namespace Jiedan.Deals.Storage;

public sealed class DealsDbContext(DbContextOptions<DealsDbContext> options) : DbContext(options)
{
    public DbSet<DealRecord> Deals => Set<DealRecord>();
    public DbSet<StageEventRecord> StageEvents => Set<StageEventRecord>();
    public DbSet<StageSpanRecord> StageSpans => Set<StageSpanRecord>();
    public DbSet<DealChangeRecord> DealChanges => Set<DealChangeRecord>();

    private static readonly string[] DealTextColumns =
        ["Client", "Platform", "Category", "Seniority", "Stage", "ExternalId", "BudgetCurrency", "Bottleneck"];
    private static readonly string[] SpanTextColumns = ["Stage", "Platform", "Category", "Seniority"];

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DealRecord>(e =>
        {
            e.ToTable("deals");
            e.HasIndex(d => d.ExternalId).IsUnique();
            e.HasIndex(d => new { d.Stage, d.StageEnteredAt });
            // The report's one pass over deals (furthest stage, bottleneck, lost) reads this narrow index, not the wide rows.
            e.HasIndex(d => new { d.FurthestStageIndex, d.Bottleneck, d.Stage, d.Platform, d.Category, d.Seniority, d.LeadDay })
                .HasDatabaseName("IX_deals_report");
            e.Property(d => d.Version).IsConcurrencyToken();
            e.Property(d => d.BudgetAmount).HasPrecision(18, 2);
            foreach (var p in DealTextColumns)
                e.Property(p).HasMaxLength(p == "Client" ? 200 : 64);
            e.HasMany(d => d.Events).WithOne().HasForeignKey(ev => ev.DealId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<StageEventRecord>(e =>
        {
            e.ToTable("stage_events");
            e.HasIndex(ev => new { ev.DealId, ev.Seq }).IsUnique();
            e.Property(ev => ev.ToStage).HasMaxLength(64);
            e.Property(ev => ev.FromStage).HasMaxLength(64);
            e.Property(ev => ev.Actor).HasMaxLength(128);
        });
        modelBuilder.Entity<StageSpanRecord>(e =>
        {
            e.ToTable("stage_spans");
            e.HasKey(s => new { s.DealId, s.Seq });
            // Covering indexes for the pipeline report: its GROUP BYs, slice filters and the rotting look-up read an index
            // in order and never the table (bench/pipeline: 6.2M spans). Stage first: the rotting look-up is a range on
            // (Stage, LeftDay IS NULL, EnteredDay), and grouping by (Stage, EnteredDay, LeftDay) may use any column order.
            e.HasIndex(s => new { s.Stage, s.LeftDay, s.EnteredDay, s.Platform, s.Category, s.Seniority, s.LeadDay })
                .HasDatabaseName("IX_stage_spans_report");
            e.HasIndex(s => new { s.Stage, s.LeadDay, s.EnteredDay, s.Platform, s.Category, s.Seniority })
                .HasDatabaseName("IX_stage_spans_time_to_sign");
            foreach (var p in SpanTextColumns) e.Property(p).HasMaxLength(64);
            e.HasOne<DealRecord>().WithMany(d => d.Spans).HasForeignKey(s => s.DealId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<DealChangeRecord>(e =>
        {
            e.ToTable("deal_changes");
            e.HasIndex(c => c.DealId);
            e.Property(c => c.Actor).HasMaxLength(128);
            e.Property(c => c.Field).HasMaxLength(32);
            e.HasOne<DealRecord>().WithMany().HasForeignKey(c => c.DealId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
