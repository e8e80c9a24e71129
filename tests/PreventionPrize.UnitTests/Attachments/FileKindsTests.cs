using PreventionPrize.TestSupport;
using PreventionPrize.Web.Features.Attachments;

namespace PreventionPrize.UnitTests.Attachments;

public sealed class FileKindsTests
{
    [Fact]
    public void Kinds_are_known_by_their_first_bytes_not_their_names()
    {
        Assert.Equal("pdf", FileKinds.Detect(SampleFiles.Pdf()));
        Assert.Equal("png", FileKinds.Detect(SampleFiles.Png()));
        Assert.Equal("jpeg", FileKinds.Detect(SampleFiles.Jpeg()));
        Assert.Null(FileKinds.Detect(SampleFiles.Exe()));
        Assert.Null(FileKinds.Detect("PK\u0003\u0004"u8));
        Assert.Null(FileKinds.Detect("%PD"u8));
        Assert.Null(FileKinds.Detect([]));
        Assert.Null(FileKinds.Detect(" %PDF-1.7"u8));
    }

    [Fact]
    public void The_accept_list_names_extensions_and_types_of_the_calls_kinds_only()
    {
        Assert.Equal(".pdf,application/pdf,.jpg,.jpeg,image/jpeg", FileKinds.Accept(["pdf", "jpeg", "exe"]));
    }
}
