using Jiedan.Common.Storage;

namespace Jiedan.Data.Migrations.Sqlite;

// One line per context: lets 'dotnet ef' build each context for this provider (scripts/add-migration).
public sealed class AccountsSqlite() : DesignTimeFactory<Jiedan.Accounts.Storage.AccountsDbContext>(DatabaseProvider.Sqlite);
public sealed class DealsSqlite() : DesignTimeFactory<Jiedan.Deals.Storage.DealsDbContext>(DatabaseProvider.Sqlite);
public sealed class BotSqlite() : DesignTimeFactory<Jiedan.Bot.Storage.BotDbContext>(DatabaseProvider.Sqlite);
public sealed class QuotesSqlite() : DesignTimeFactory<Jiedan.Quote.Storage.QuotesDbContext>(DatabaseProvider.Sqlite);
public sealed class GateSqlite() : DesignTimeFactory<Jiedan.Gate.Storage.GateDbContext>(DatabaseProvider.Sqlite);
public sealed class RatesSqlite() : DesignTimeFactory<Jiedan.Rates.Storage.RatesDbContext>(DatabaseProvider.Sqlite);
public sealed class ContractSqlite() : DesignTimeFactory<Jiedan.Contract.Storage.ContractDbContext>(DatabaseProvider.Sqlite);
public sealed class IncidentsSqlite() : DesignTimeFactory<Jiedan.Incidents.Storage.IncidentsDbContext>(DatabaseProvider.Sqlite);
public sealed class KeyRingSqlite() : DesignTimeFactory<Jiedan.Accounts.Storage.KeyRingDbContext>(DatabaseProvider.Sqlite);
public sealed class TrustSqlite() : DesignTimeFactory<Jiedan.Credibility.Storage.TrustDbContext>(DatabaseProvider.Sqlite);
public sealed class ConversionSqlite() : DesignTimeFactory<Jiedan.Credibility.Storage.ConversionDbContext>(DatabaseProvider.Sqlite);
public sealed class AuditSqlite() : DesignTimeFactory<Jiedan.Credibility.Storage.AuditDbContext>(DatabaseProvider.Sqlite);
