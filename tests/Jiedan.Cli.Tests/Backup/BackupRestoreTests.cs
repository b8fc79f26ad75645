using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jiedan.Testing;

namespace Jiedan.Cli.Tests.Backup;

/// <summary>
/// <c>jiedan backup</c> and <c>jiedan restore</c> end to end through the real command line: a backup taken while deals are being
/// written restores to exactly what its manifest counted; a target holding data needs --force; every kind of bad file is
/// refused with exit 2, a message naming the file, and the target untouched.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jiedan-backup-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<string> Succeeds(params string[] args)
    {
        var (exit, stdout, stderr) = await CommandLine.RunAsync(args);
        Assert.True(exit == 0, $"jiedan {string.Join(' ', args)} exited {exit}: {stderr}");
        return stdout;
    }

    private static Task<string> AddDeal(TestDatabase db, string client) =>
        Succeeds("deals", "add", "--client", client, "--platform", "Upwork", "--budget", "100", "--currency", "usd", "--db", db.Argument);

    private static async Task<List<string>> Deals(TestDatabase db) =>
        [.. JsonDocument.Parse(await Succeeds("deals", "list", "--limit", "100000", "--json", "--db", db.Argument)).RootElement
            .EnumerateArray().Select(d => d.GetRawText()).Order(StringComparer.Ordinal)];

    private static JsonObject Manifest(string backup)
    {
        using var zip = ZipFile.OpenRead(backup);
        using var s = zip.GetEntry("manifest.json")!.Open();
        return JsonNode.Parse(s)!.AsObject();
    }

    private static async Task<IReadOnlyDictionary<string, long>> Counts(TestDatabase db)
    {
        await using var connection = db.Kind == TestDatabaseKind.Sqlite
            ? (System.Data.Common.DbConnection)new Microsoft.Data.Sqlite.SqliteConnection(db.Target.ConnectionString)
            : new Npgsql.NpgsqlConnection(db.Target.ConnectionString);
        await connection.OpenAsync();
        return (await Jiedan.Cli.Backup.DatabaseInventory.ReadAsync(connection, db.Target.Provider, CancellationToken.None)).Tables;
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_backup_taken_while_deals_are_written_restores_to_what_its_manifest_counted(TestDatabaseKind kind)
    {
        await using var source = await TestDatabase.CreateAsync(kind);
        await using var restored = await TestDatabase.CreateAsync(kind);
        await Succeeds("db", "migrate", "--db", source.Argument);
        for (var i = 0; i < 5; i++) await AddDeal(source, $"Before {i}");
        var backup = Path.Combine(_dir, "jiedan.jiedan-backup");

        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await AddDeal(source, $"During {Volatile.Read(ref written)}");
                Interlocked.Increment(ref written);
            }
        });
        while (Volatile.Read(ref written) < 3) await Task.Delay(10);
        var output = await Succeeds("backup", "--out", backup, "--db", source.Argument);
        while (Volatile.Read(ref written) < 6) await Task.Delay(10);
        await stop.CancelAsync();
        await writer;

        Assert.Contains("Backed up", output);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp", SearchOption.AllDirectories));
        var manifest = Manifest(backup);
        var dealRows = manifest["tables"]!["deals"]!.GetValue<long>();
        Assert.InRange(dealRows, 5 + 3, 5 + written);

        await Succeeds("restore", backup, "--db", restored.Argument);
        var counts = await Counts(restored);
        foreach (var (table, rows) in manifest["tables"]!.AsObject()) Assert.Equal(rows!.GetValue<long>(), counts[table]);
        var all = await Deals(source);
        var back = await Deals(restored);
        Assert.Equal(dealRows, back.Count);
        Assert.Subset(all.ToHashSet(), back.ToHashSet());
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Restore_refuses_a_target_holding_data_unless_forced(TestDatabaseKind kind)
    {
        await using var source = await TestDatabase.CreateAsync(kind);
        await using var target = await TestDatabase.CreateAsync(kind);
        await Succeeds("db", "migrate", "--db", source.Argument);
        await AddDeal(source, "Acme");
        await AddDeal(source, "Beta");
        var backup = Path.Combine(_dir, "b.jiedan-backup");
        await Succeeds("backup", "--out", backup, "--db", source.Argument);
        await Succeeds("db", "migrate", "--db", target.Argument);
        await AddDeal(target, "Mine");

        var (exit, _, err) = await CommandLine.RunAsync("restore", backup, "--db", target.Argument);
        Assert.Equal(2, exit);
        Assert.Contains(backup, err);
        Assert.Contains("--force", err);
        Assert.Single(await Deals(target));

        await Succeeds("restore", backup, "--db", target.Argument, "--force");
        Assert.Equal(await Deals(source), await Deals(target));
    }

    public static TheoryData<string> BadFiles => ["truncated", "corrupt data", "not a backup", "newer schema", "extra entry",
        "lying size", "missing manifest", "zip bomb"];

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_backup_file_is_refused_with_exit_2_naming_it_and_the_target_is_unchanged(string kind)
    {
        await using var source = TestDatabase.Sqlite();
        await using var target = TestDatabase.Sqlite();
        await Succeeds("db", "migrate", "--db", source.Argument);
        await AddDeal(source, "Acme");
        var good = Path.Combine(_dir, "good.jiedan-backup");
        await Succeeds("backup", "--out", good, "--db", source.Argument);
        await Succeeds("db", "migrate", "--db", target.Argument);
        await AddDeal(target, "Mine");
        var bad = Path.Combine(_dir, "bad.jiedan-backup");
        Spoil(kind, good, bad);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var before = Hash(target.Argument);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var (exit, _, err) = await CommandLine.RunAsync("restore", bad, "--db", target.Argument, "--force");

        Assert.True(exit == 2, $"{kind}: exit {exit}: {err}");
        Assert.Contains(bad, err);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(before, Hash(target.Argument));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(target.Argument)!, "*.tmp"));
        Assert.Empty(Directory.GetFiles(_dir, "evil*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_backup_of_one_kind_is_refused_by_a_target_of_the_other()
    {
        await using var sqlite = TestDatabase.Sqlite();
        await using var postgres = await TestDatabase.PostgresAsync();
        await Succeeds("db", "migrate", "--db", sqlite.Argument);
        await AddDeal(sqlite, "Acme");
        var backup = Path.Combine(_dir, "sqlite.jiedan-backup");
        await Succeeds("backup", "--out", backup, "--db", sqlite.Argument);

        var (exit, _, err) = await CommandLine.RunAsync("restore", backup, "--db", postgres.Argument);

        Assert.Equal(2, exit);
        Assert.Contains(backup, err);
        Assert.Contains("Sqlite backup cannot be restored into PostgreSQL", err);
        Assert.Empty(await Counts(postgres));
    }

    [Theory]
    [InlineData("checksum")]
    [InlineData("rechecksummed")]
    public async Task A_damaged_postgres_dump_leaves_the_target_as_it_was(string how)
    {
        await using var source = await TestDatabase.PostgresAsync();
        await using var target = await TestDatabase.PostgresAsync();
        await Succeeds("db", "migrate", "--db", source.Argument);
        for (var i = 0; i < 20; i++) await AddDeal(source, $"Acme {i}");
        var good = Path.Combine(_dir, "pg.jiedan-backup");
        await Succeeds("backup", "--out", good, "--db", source.Argument);
        await Succeeds("db", "migrate", "--db", target.Argument);
        await AddDeal(target, "Mine");
        var before = await Counts(target);
        var bad = Path.Combine(_dir, "bad.jiedan-backup");
        File.Copy(good, bad);
        using (var zip = ZipFile.Open(bad, ZipArchiveMode.Update))
        {
            byte[] cut = [];
            // The second half of the dump (the table data) is gone; "rechecksummed" also fixes the manifest to match, so only
            // pg_restore itself can notice, inside its single transaction.
            Rewrite(zip, "data.dump", data => cut = data[..(data.Length / 2)]);
            zip.GetEntry("data.dump")!.Delete();
            using (var w = zip.CreateEntry("data.dump").Open()) w.Write(cut);
            if (how == "rechecksummed")
                RewriteManifest(zip, m =>
                {
                    m["dataSize"] = cut.Length;
                    m["dataSha256"] = Convert.ToHexStringLower(SHA256.HashData(cut));
                });
        }

        var (exit, _, err) = await CommandLine.RunAsync("restore", bad, "--db", target.Argument, "--force");

        Assert.True(exit is 2 or 3, $"exit {exit}: {err}");
        Assert.Contains(exit == 2 ? bad : "nothing was changed", err);
        Assert.Equal(before, await Counts(target));
        Assert.Single(await Deals(target));
    }

    [Fact]
    public async Task Without_pg_dump_backup_says_what_to_install_and_writes_nothing()
    {
        await using var source = await TestDatabase.PostgresAsync();
        await Succeeds("db", "migrate", "--db", source.Argument);
        var backup = Path.Combine(_dir, "pg.jiedan-backup");
        var jiedan = Path.Combine(AppContext.BaseDirectory, "jiedan");

        var result = ToolProcess.Run(jiedan, _dir, TimeSpan.FromSeconds(60), new Dictionary<string, string> { ["PATH"] = "/nonexistent" },
            "backup", "--out", backup, "--db", source.Argument);

        Assert.Equal(2, result.Exit);
        Assert.Contains("pg_dump: not found on PATH: install the PostgreSQL client tools", result.Err);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    private static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));

    private static void Spoil(string kind, string good, string bad)
    {
        var bytes = File.ReadAllBytes(good);
        switch (kind)
        {
            case "truncated":
                File.WriteAllBytes(bad, bytes[..(bytes.Length * 2 / 3)]);
                return;
            case "not a backup":
                File.WriteAllText(bad, "client,platform\nAcme,Upwork\n");
                return;
            case "zip bomb":
                Bomb(good, bad);
                return;
        }
        File.Copy(good, bad);
        using var zip = ZipFile.Open(bad, ZipArchiveMode.Update);
        switch (kind)
        {
            case "corrupt data":
                Rewrite(zip, "data.sqlite", data => data[data.Length / 2] ^= 0xFF);
                break;
            case "newer schema":
                RewriteManifest(zip, m => m["migrations"]!["deals"]!.AsArray().Add("99991231000000_FromTheFuture"));
                break;
            case "extra entry":
                using (var w = new StreamWriter(zip.CreateEntry("../evil.sh").Open())) w.Write("#!/bin/sh\n");
                break;
            case "lying size":
                RewriteManifest(zip, m => m["dataSize"] = 1L << 40);
                break;
            case "missing manifest":
                zip.GetEntry("manifest.json")!.Delete();
                using (var w = new StreamWriter(zip.CreateEntry("evil.json").Open())) w.Write("{}");
                break;
        }
    }

    /// <summary>
    /// 256 MiB of zeros (about 250 KiB deflated) in data.sqlite, whose local and central headers then claim 1000 bytes, as the
    /// manifest does: the reader must stop at the declared size instead of filling the disk.
    /// </summary>
    private static void Bomb(string good, string bad)
    {
        const int declared = 1000;
        using (var zip = ZipFile.Open(bad, ZipArchiveMode.Create))
        {
            JsonObject manifest = Manifest(good);
            manifest["dataSize"] = declared;
            using (var w = zip.CreateEntry("manifest.json").Open()) w.Write(JsonSerializer.SerializeToUtf8Bytes(manifest));
            using var data = zip.CreateEntry("data.sqlite", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 256; i++) data.Write(zeros);
        }
        var bytes = File.ReadAllBytes(bad);
        var name = "data.sqlite"u8.ToArray();
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var local = bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 3 && bytes[i + 3] == 4;
            var central = bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 1 && bytes[i + 3] == 2;
            var nameAt = local ? i + 30 : i + 46;
            if (!(local || central) || nameAt + name.Length > bytes.Length) continue;
            if (!bytes.AsSpan(nameAt, name.Length).SequenceEqual(name)) continue;
            BitConverter.TryWriteBytes(bytes.AsSpan(local ? i + 22 : i + 24, 4), declared);
        }
        File.WriteAllBytes(bad, bytes);
    }

    private static void RewriteManifest(ZipArchive zip, Action<JsonObject> change)
    {
        var entry = zip.GetEntry("manifest.json")!;
        JsonObject manifest;
        using (var s = entry.Open()) manifest = JsonNode.Parse(s)!.AsObject();
        change(manifest);
        entry.Delete();
        using var w = zip.CreateEntry("manifest.json").Open();
        w.Write(JsonSerializer.SerializeToUtf8Bytes(manifest));
    }

    private static void Rewrite(ZipArchive zip, string name, Action<byte[]> change)
    {
        var entry = zip.GetEntry(name)!;
        byte[] data;
        using (var s = entry.Open())
        using (var m = new MemoryStream())
        {
            s.CopyTo(m);
            data = m.ToArray();
        }
        change(data);
        entry.Delete();
        using var w = zip.CreateEntry(name).Open();
        w.Write(data);
    }
}
