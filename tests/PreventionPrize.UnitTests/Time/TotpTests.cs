using PreventionPrize.Web.Infrastructure.Security;

namespace PreventionPrize.UnitTests.Time;

/// <summary>RFC 6238's own test vectors (SHA-1, key "12345678901234567890"), cut to the six digits apps show.</summary>
public sealed class TotpTests
{
    // Base32 of the ASCII key "12345678901234567890".
    private const string Key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    [InlineData(20000000000L, "353130")]
    public void Codes_match_the_RFC_test_vectors(long unixSeconds, string expected)
    {
        var step = Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));
        Assert.Equal(expected, Totp.Code(Key, step));
    }

    [Theory]
    [InlineData("123456", "123456")]
    [InlineData("123 456", "123456")]
    [InlineData("123-456", "123456")]
    [InlineData("12345", null)]
    [InlineData("1234567", null)]
    [InlineData("12a456", null)]
    [InlineData("١٢٣٤٥٦", null)]
    [InlineData(null, null)]
    public void Only_six_ascii_digits_count_as_a_code(string? typed, string? expected) => Assert.Equal(expected, Totp.Normalize(typed));

    [Fact]
    public void Base32_decoding_ignores_case_spaces_and_padding() =>
        Assert.Equal("12345678901234567890"u8.ToArray(), Totp.Base32Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
}
