using Microsoft.EntityFrameworkCore;

namespace Jiedan.Incidents.Storage;

/// <summary>The knowledge graph (entries, nodes, weighted edges) and the incidents received or imported.</summary>
public sealed class IncidentsDbContext(DbContextOptions<IncidentsDbContext> options) : DbContext(options)
{
    public DbSet<KbEntryRecord> Entries => Set<KbEntryRecord>();
    public DbSet<KbNodeRecord> Nodes => Set<KbNodeRecord>();
    public DbSet<KbEdgeRecord> Edges => Set<KbEdgeRecord>();
    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();
    public DbSet<IncidentEventRecord> Events => Set<IncidentEventRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KbEntryRecord>(e =>
        {
            e.ToTable("kb_entries");
            e.HasIndex(r => r.Title).IsUnique();
            e.Property(r => r.Title).HasMaxLength(200);
            e.Property(r => r.Source).HasMaxLength(1000);
        });
        modelBuilder.Entity<KbNodeRecord>(e =>
        {
            e.ToTable("kb_nodes");
            e.HasIndex(r => new { r.Kind, r.Name }).IsUnique();
            e.Property(r => r.Kind).HasMaxLength(32);
            e.Property(r => r.Name).HasMaxLength(500);
        });
        modelBuilder.Entity<KbEdgeRecord>(e =>
        {
            e.ToTable("kb_edges");
            e.HasIndex(r => new { r.FromId, r.ToId }).IsUnique();
            e.HasIndex(r => r.ToId);
            e.HasOne<KbNodeRecord>().WithMany().HasForeignKey(r => r.FromId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<KbNodeRecord>().WithMany().HasForeignKey(r => r.ToId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<IncidentRecord>(e =>
        {
            e.ToTable("incidents");
            e.HasIndex(r => new { r.Receiver, r.Fingerprint, r.StartsAtUtc }).IsUnique();
            e.HasIndex(r => r.NotifiedAtUtc);
            e.Property(r => r.Receiver).HasMaxLength(100);
            e.Property(r => r.Fingerprint).HasMaxLength(64);
            e.Property(r => r.AlertName).HasMaxLength(300);
            e.Property(r => r.Status).HasMaxLength(16);
            e.Property(r => r.Origin).HasMaxLength(16);
            e.Property(r => r.FixedBy).HasMaxLength(200);
            e.Property(r => r.AcknowledgedBy).HasMaxLength(200);
            e.HasIndex(r => new { r.DealId, r.AcknowledgedAtUtc });
        });
        modelBuilder.Entity<IncidentEventRecord>(e =>
        {
            e.ToTable("incident_events");
            e.HasIndex(r => new { r.Receiver, r.Fingerprint, r.StartsAtUtc, r.Status }).IsUnique();
            e.HasOne<IncidentRecord>().WithMany().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
            e.Property(r => r.Receiver).HasMaxLength(100);
            e.Property(r => r.Fingerprint).HasMaxLength(64);
            e.Property(r => r.Status).HasMaxLength(16);
        });
    }
}
