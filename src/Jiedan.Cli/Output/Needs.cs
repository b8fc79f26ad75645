using Jiedan.Data;
using Jiedan.Data.Bot;
using Jiedan.Data.Gate;
using Jiedan.Data.Quote;
using Jiedan.Data.Storage;
using Jiedan.Web.Quote;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Cli.Output;

/// <summary>
/// What each command registers (<see cref="CliRegistration"/>): only the contexts and services it uses, so a read
/// opens one or two contexts and checks only their migrations.
/// </summary>
public static class Needs
{
    public static void Accounts(IServiceCollection s, DatabaseTarget target, IConfiguration config) => s.AddAccountsData(target);

    public static void Deals(IServiceCollection s, DatabaseTarget target, IConfiguration config) => s.AddDealsData(target, config);

    public static void Gate(IServiceCollection s, DatabaseTarget target, IConfiguration config)
    {
        s.AddDealsData(target, config);
        s.AddJiedanContext<GateDbContext>(target);
        s.AddScoped<GateRunStore>();
    }

    public static void Quotes(IServiceCollection s, DatabaseTarget target, IConfiguration config)
    {
        s.AddDealsData(target, config);
        s.AddQuotes(target, config);
    }

    /// <summary>
    /// Every context, in the web host's order: what <c>jiedan db migrate</c> brings up to date. A new context adds a line.
    /// </summary>
    public static void AllContexts(IServiceCollection s, DatabaseTarget target, IConfiguration config)
    {
        s.AddAccountsData(target);
        s.AddDealsData(target, config);
        s.AddJiedanContext<BotDbContext>(target);
        s.AddJiedanContext<GateDbContext>(target);
        s.AddJiedanContext<QuotesDbContext>(target);
    }
}
