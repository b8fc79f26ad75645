using Jiedan.Domain.Incidents;

namespace Jiedan.Incidents.Tests.Domain;

/// <summary>An entry typed in the dashboard: lists by line, matchers as label=value, every problem named by its field.</summary>
public class KnowledgeEntryFormTests
{
    [Fact]
    public void Lines_commas_and_matchers_become_the_entry()
    {
        var form = new KnowledgeEntryForm
        {
            Title = "  PgBouncerPoolExhausted ", AlertNames = "PgbouncerClientsWaiting\r\n\r\n连接池耗尽\r\nPgbouncerClientsWaiting",
            Matchers = "service = orders\njob=pgbouncer", Keywords = "pool, waiting，连接池\nmax_client_conn",
            Component = " pgbouncer ", ConfigurationItem = "pgbouncer.ini default_pool_size", Patch = "",
            Diagnosis = "SHOW POOLS;\r\n", Mitigation = "raise default_pool_size", Rollback = "restore the previous ini",
        };

        var (entry, errors) = form.Read();

        Assert.Empty(errors);
        Assert.NotNull(entry);
        Assert.Equal(("PgBouncerPoolExhausted", "dashboard", 0), (entry.Title, entry.Source, entry.Line));
        Assert.Equal(["PgbouncerClientsWaiting", "连接池耗尽"], entry.AlertNames);
        Assert.Equal(new Dictionary<string, string> { ["service"] = "orders", ["job"] = "pgbouncer" }, entry.Matchers);
        Assert.Equal(["pool", "waiting", "连接池", "max_client_conn"], entry.Keywords);
        Assert.Equal(["PgBouncerPoolExhausted", "pgbouncer", "pgbouncer.ini default_pool_size"], entry.Path);
        Assert.Equal("SHOW POOLS;", entry.Diagnosis);
        Assert.Equal(entry.Path, KnowledgeEntryForm.Of(entry).Read().Entry!.Path);
        Assert.Equal(entry.Matchers, KnowledgeEntryForm.Of(entry).Read().Entry!.Matchers);
    }

    [Fact]
    public void Every_bad_field_is_named_and_no_entry_is_given()
    {
        var form = new KnowledgeEntryForm
        {
            Title = new string('t', RunbookParser.MaxTitleChars + 1),
            Matchers = "service=orders\n9lives=x\nservice=again",
            AlertNames = string.Join('\n', Enumerable.Range(0, 65).Select(i => $"A{i}")),
            Component = "two\nlines", Mitigation = new string('m', KnowledgeEntryForm.MaxTextChars + 1),
        };

        var (entry, errors) = form.Read();

        Assert.Null(entry);
        Assert.Equal(["AlertNames", "Component", "Matchers", "Mitigation", "Title"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("line 2:", errors["Matchers"]);
    }

    [Fact]
    public void Fields_a_form_post_leaves_null_read_as_empty()
    {
        var (entry, errors) = new KnowledgeEntryForm { Title = "Only a title", Diagnosis = null!, Matchers = null! }.Read();
        Assert.Empty(errors);
        Assert.Equal(("", 0), (entry!.Diagnosis, entry.Matchers.Count));
        Assert.Equal("Title", Assert.Single(new KnowledgeEntryForm { Title = null! }.Read().Errors).Key);
    }
}
