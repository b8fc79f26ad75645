using System.Net;
using Jiedan.Credibility.Demo;

namespace Jiedan.Credibility.Tests.Demo;

/// <summary>Which addresses the SSRF guard calls private (hand-labelled), and which URLs it takes.</summary>
public sealed class DemoAddressTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.255.0.9", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("100.128.0.1", false)]
    [InlineData("0.0.0.0", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("93.184.216.34", false)]
    [InlineData("::1", true)]
    [InlineData("::", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("2606:4700::1111", false)]
    public void Private_addresses(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, DemoAddress.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://demo.example/app?x=1", "https://demo.example/app?x=1")]
    [InlineData("  http://demo.example  ", "http://demo.example/")]
    public void Http_and_https_urls_are_taken(string url, string expected) => Assert.Equal(expected, DemoAddress.Parse(url).AbsoluteUri);

    [Fact]
    public void An_overlong_url_is_refused() =>
        Assert.Throws<DemoAddressException>(() => DemoAddress.Parse("https://demo.example/" + new string('a', DemoAddress.MaxLength)));
}
