using Jiedan.Data.Storage;

namespace Jiedan.Data.Migrations.Sqlite;

// One line per context: lets 'dotnet ef' build each context for this provider (scripts/add-migration).
public sealed class AccountsSqlite() : DesignTimeFactory<Jiedan.Data.Accounts.AccountsDbContext>(DatabaseProvider.Sqlite);
public sealed class DealsSqlite() : DesignTimeFactory<Jiedan.Data.Deals.DealsDbContext>(DatabaseProvider.Sqlite);
public sealed class BotSqlite() : DesignTimeFactory<Jiedan.Data.Bot.BotDbContext>(DatabaseProvider.Sqlite);
public sealed class QuotesSqlite() : DesignTimeFactory<Jiedan.Data.Quote.QuotesDbContext>(DatabaseProvider.Sqlite);
public sealed class GateSqlite() : DesignTimeFactory<Jiedan.Data.Gate.GateDbContext>(DatabaseProvider.Sqlite);
