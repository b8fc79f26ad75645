using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Accounts.Storage;

/// <summary>
/// ASP.NET Core's data-protection key ring (what signs and encrypts the login and antiforgery cookies), kept in the
/// database rather than in each process's home folder, so every instance on one database accepts the others' cookies
/// and a restart keeps everyone logged in.
/// </summary>
public sealed class KeyRingDbContext(DbContextOptions<KeyRingDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<DataProtectionKey>(e => e.ToTable("data_protection_keys"));
}
