using Microsoft.EntityFrameworkCore;

namespace Jiedan.Gate.Storage;

/// <summary>Delivery-gate runs per deal, with their evidence hash and rendered reports.</summary>
public sealed class GateDbContext(DbContextOptions<GateDbContext> options) : DbContext(options)
{
    public DbSet<GateRunRecord> Runs => Set<GateRunRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<GateRunRecord>(e =>
        {
            e.ToTable("gate_runs");
            e.HasIndex(r => new { r.DealId, r.CreatedAtUtc });
            e.Property(r => r.EvidenceSha256).HasMaxLength(64).IsFixedLength();
            e.Property(r => r.Project).HasMaxLength(500);
        });
    }
}
