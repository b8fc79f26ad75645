using System.Diagnostics;
using Jiedan.Contract.Tools;
using Jiedan.Domain.Contract;

namespace Jiedan.Contract.Tests;

/// <summary>The module's protoc runner: the copy bundled in the output works; a hanging or chatty protoc is bounded.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ProtocTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _dir = Directory.CreateTempSubdirectory("jiedan-protoc-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Fake(string script)
    {
        var path = Path.Combine(_dir, "protoc");
        File.WriteAllText(path, "#!/bin/sh\n" + script + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        return path;
    }

    [Fact]
    public async Task The_bundled_protoc_and_protos_compile_the_sample()
    {
        var location = ProtocLocation.Bundled();
        Assert.StartsWith(AppContext.BaseDirectory, location.Executable, StringComparison.Ordinal);
        var contract = ContractGenerator.Generate(RequirementReader.Read(ParityTests.SampleText, "requirement.yml"));

        var set = await new Protoc(location).DescriptorSetAsync(contract.ProtoText, contract.ProtoFileName, Ct);

        Assert.True(Parity.ContractParity.Check(contract.Plan, set, contract.OpenApiYaml).Complete);
    }

    [Fact]
    public async Task A_protoc_that_hangs_is_killed_at_the_time_limit()
    {
        var protoc = new Protoc(new ProtocLocation(Fake("sleep 60"), [])) { Timeout = TimeSpan.FromSeconds(1) };
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<ProtocException>(() => protoc.DescriptorSetAsync("", "a.proto", Ct));

        Assert.Contains("did not finish within 1 s", e.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
    }

    [Fact]
    public async Task A_protoc_that_floods_its_output_is_read_to_the_end_but_kept_bounded()
    {
        var protoc = new Protoc(new ProtocLocation(Fake("head -c 50000000 /dev/zero | tr '\\0' x >&2; exit 1"), []));

        var e = await Assert.ThrowsAsync<ProtocException>(() => protoc.DescriptorSetAsync("", "a.proto", Ct));

        Assert.StartsWith("protoc failed (1): xxx", e.Message, StringComparison.Ordinal);
        Assert.InRange(e.Message.Length, Protoc.MaxMessageChars, Protoc.MaxMessageChars * 2 + 100);
    }

    [Fact]
    public async Task A_missing_protoc_is_named()
    {
        var protoc = new Protoc(new ProtocLocation(Path.Combine(_dir, "nothing"), []));

        var e = await Assert.ThrowsAsync<ProtocException>(() => protoc.DescriptorSetAsync("", "a.proto", Ct));

        Assert.Contains("protoc is missing at", e.Message, StringComparison.Ordinal);
    }
}
