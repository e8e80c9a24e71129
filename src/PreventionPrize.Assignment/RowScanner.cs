namespace PreventionPrize.Assignment;

/// <summary>
/// One entry's row of the problem, spread out over all jurors: its affinities (missing = 0), its forbidden and fixed
/// jurors, and which group node (if any) its arcs to each group pass through. Stamps avoid clearing per row.
/// </summary>
internal sealed class RowScanner
{
    private readonly FlowModel model;
    private readonly AssignmentProblem problem;
    private readonly int[] affinity, forbiddenStamp, fixedStamp, fixedInGroup, groupNode;
    private int entry = -1;

    public RowScanner(FlowModel model)
    {
        this.model = model;
        problem = model.Problem;
        affinity = new int[problem.JurorCount];
        forbiddenStamp = new int[problem.JurorCount];
        fixedStamp = new int[problem.JurorCount];
        fixedInGroup = new int[Math.Max(1, problem.GroupCount)];
        groupNode = new int[Math.Max(1, problem.GroupCount)];
    }

    public void Load(int e)
    {
        entry = e;
        var stamp = e + 1;
        Array.Clear(affinity);
        for (var p = problem.AffinityStart[e]; p < problem.AffinityStart[e + 1]; p++)
            affinity[problem.AffinityJuror[p]] = problem.AffinityValue[p];
        for (var p = problem.ForbiddenStart[e]; p < problem.ForbiddenStart[e + 1]; p++)
            forbiddenStamp[problem.ForbiddenJuror[p]] = stamp;
        Array.Clear(fixedInGroup);
        foreach (var j in model.FixedJurors(e))
        {
            fixedStamp[j] = stamp;
            if (problem.JurorGroup is { } groups) fixedInGroup[groups[j]]++;
        }
        Array.Fill(groupNode, -1);
        foreach (var (group, node) in model.GroupNodes(e)) groupNode[group] = node;
    }

    public int Affinity(int juror) => affinity[juror];
    public bool IsForbidden(int juror) => forbiddenStamp[juror] == entry + 1;
    public bool IsFixed(int juror) => fixedStamp[juror] == entry + 1;

    /// <summary>How many more jurors of the group the entry may take, its fixed ones counted.</summary>
    public int RemainingGroupCap(int group) => Math.Max(0, problem.GroupCap - fixedInGroup[group]);

    public int GroupOf(int juror) => problem.JurorGroup is { } groups ? groups[juror] : 0;

    /// <summary>Whether the flow may add this juror to the entry now: allowed, not already on it, room left on both sides.</summary>
    public bool IsEligible(int juror) =>
        model.RemainingDemand[entry] > 0 && model.RemainingMax[juror] > 0 && !IsForbidden(juror) && !IsFixed(juror)
        && (problem.JurorGroup is null || RemainingGroupCap(GroupOf(juror)) > 0);

    /// <summary>The node the pair's arc leaves from: the entry's node for this juror's group if the cap needs one.</summary>
    public int TailNode(int juror) =>
        problem.JurorGroup is null || groupNode[GroupOf(juror)] < 0 ? entry : groupNode[GroupOf(juror)];
}
