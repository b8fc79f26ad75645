using Jiedan.Testing;

namespace Jiedan.Contract.Tests;

/// <summary>The contract tests fail, not skip, when a tool is missing, and say how to install it.</summary>
public sealed class ToolsTests
{
    [Fact]
    public void A_missing_npm_tool_fails_with_the_install_command()
    {
        var empty = Directory.CreateTempSubdirectory("jiedan-contract-").FullName;
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => ContractTools.NpmTool(empty, "buf"));

            Assert.Contains("buf from tools/npm is missing", error.Message, StringComparison.Ordinal);
            Assert.Contains("npm ci --prefix tools/npm", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void The_installed_tools_are_found()
    {
        Assert.True(File.Exists(ContractTools.Protoc));
        Assert.True(File.Exists(Path.Combine(ContractTools.ProtoValidateImports, "buf", "validate", "validate.proto")));
        Assert.True(File.Exists(ContractTools.Buf));
        Assert.True(File.Exists(ContractTools.Redocly));
    }
}
