using Jiedan.Common.Storage;

namespace Jiedan.Data.Migrations.Postgres;

// One line per context: lets 'dotnet ef' build each context for this provider (scripts/add-migration).
public sealed class AccountsPostgres() : DesignTimeFactory<Jiedan.Accounts.Storage.AccountsDbContext>(DatabaseProvider.Postgres);
public sealed class DealsPostgres() : DesignTimeFactory<Jiedan.Deals.Storage.DealsDbContext>(DatabaseProvider.Postgres);
public sealed class BotPostgres() : DesignTimeFactory<Jiedan.Bot.Storage.BotDbContext>(DatabaseProvider.Postgres);
public sealed class QuotesPostgres() : DesignTimeFactory<Jiedan.Quote.Storage.QuotesDbContext>(DatabaseProvider.Postgres);
public sealed class GatePostgres() : DesignTimeFactory<Jiedan.Gate.Storage.GateDbContext>(DatabaseProvider.Postgres);
public sealed class RatesPostgres() : DesignTimeFactory<Jiedan.Rates.Storage.RatesDbContext>(DatabaseProvider.Postgres);
public sealed class ContractPostgres() : DesignTimeFactory<Jiedan.Contract.Storage.ContractDbContext>(DatabaseProvider.Postgres);
public sealed class IncidentsPostgres() : DesignTimeFactory<Jiedan.Incidents.Storage.IncidentsDbContext>(DatabaseProvider.Postgres);
public sealed class KeyRingPostgres() : DesignTimeFactory<Jiedan.Accounts.Storage.KeyRingDbContext>(DatabaseProvider.Postgres);
public sealed class TrustPostgres() : DesignTimeFactory<Jiedan.Credibility.Storage.TrustDbContext>(DatabaseProvider.Postgres);
public sealed class ConversionPostgres() : DesignTimeFactory<Jiedan.Credibility.Storage.ConversionDbContext>(DatabaseProvider.Postgres);
public sealed class AuditPostgres() : DesignTimeFactory<Jiedan.Credibility.Storage.AuditDbContext>(DatabaseProvider.Postgres);
