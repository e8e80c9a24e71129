namespace PreventionPrize.Web;

/// <summary>Marker for the one resource file (Resources/SharedResource[.fr].resx) that holds every UI string.</summary>
public sealed class SharedResource;
