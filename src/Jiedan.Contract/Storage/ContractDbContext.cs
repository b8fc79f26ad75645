using Microsoft.EntityFrameworkCore;

namespace Jiedan.Contract.Storage;

/// <summary>The requirement of each deal with its history.</summary>
public sealed class ContractDbContext(DbContextOptions<ContractDbContext> options) : DbContext(options)
{
    public DbSet<RequirementVersionRecord> RequirementVersions => Set<RequirementVersionRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RequirementVersionRecord>(e =>
        {
            e.ToTable("contract_requirement_versions");
            e.HasIndex(r => new { r.DealId, r.Number }).IsUnique();
            e.Property(r => r.Service).HasMaxLength(64);
            e.Property(r => r.ServiceVersion).HasMaxLength(40);
            e.Property(r => r.CreatedBy).HasMaxLength(200);
        });
    }
}
