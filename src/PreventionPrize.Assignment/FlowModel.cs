namespace PreventionPrize.Assignment;

/// <summary>
/// The problem as a flow network: each entry supplies its open slots; a slot reaches the sink either through a
/// juror (entry → [entry·group] → juror → sink) or, unfilled, straight along the entry's "unserved" arc. What fixed
/// pairs already use is taken off demands, loads and group caps before the network is built.
/// </summary>
internal sealed class FlowModel
{
    internal readonly record struct Candidate(int Juror, int Value, int Tail);

    private readonly List<int>?[] fixedByEntry;
    private readonly List<(int Group, int Node)>?[] groupNodesByEntry;
    private readonly List<(int Entry, int Node, int Cap)> groupArcs = [];

    public FlowModel(AssignmentProblem problem, int candidatesPerSlot)
    {
        Problem = problem;
        (int n, int m) = (problem.EntryCount, problem.JurorCount);
        Sink = n + m;
        fixedByEntry = new List<int>?[n];
        groupNodesByEntry = new List<(int, int)>?[n];
        FixedLoad = new int[m];
        FixedCount = new int[n];
        foreach (var (e, j) in problem.FixedPairs)
        {
            (fixedByEntry[e] ??= []).Add(j);
            FixedLoad[j]++;
            FixedCount[e]++;
        }
        RemainingDemand = Enumerable.Range(0, n).Select(e => Math.Max(0, problem.Demand[e] - FixedCount[e])).ToArray();
        RemainingMax = Enumerable.Range(0, m).Select(j => Math.Max(0, problem.MaxLoad[j] - FixedLoad[j])).ToArray();
        Target = LoadBalance.Targets(problem);
        IsDense = candidatesPerSlot <= 0;
        Candidates = new List<Candidate>[n];
        NonForbiddenJurors = new int[n];
        GroupUsableJurors = new int[n];
        NonForbiddenEntries = new int[m];
        NodeCount = Sink + 1;
        new CandidateSelection(this, candidatesPerSlot).Run();
        Costs = new CostTiers(this);
    }

    public AssignmentProblem Problem { get; }
    public int Sink { get; }
    public int NodeCount { get; private set; }
    public bool IsDense { get; }
    public int[] FixedLoad { get; }
    public int[] FixedCount { get; }
    public int[] RemainingDemand { get; }
    public int[] RemainingMax { get; }
    public int[] Target { get; }
    public CostTiers Costs { get; }
    public List<Candidate>[] Candidates { get; }
    public long EligiblePairs { get; set; }

    // For the shortfall reasons: counts that ignore loads.
    public int[] NonForbiddenJurors { get; }
    public int[] GroupUsableJurors { get; }
    public int[] NonForbiddenEntries { get; }

    public int JurorNode(int juror) => Problem.EntryCount + juror;
    public IReadOnlyList<int> FixedJurors(int entry) => fixedByEntry[entry] ?? (IReadOnlyList<int>)[];
    public IReadOnlyList<(int Group, int Node)> GroupNodes(int entry) =>
        groupNodesByEntry[entry] ?? (IReadOnlyList<(int, int)>)[];

    public int AddGroupNode(int entry, int group, int cap)
    {
        var node = NodeCount++;
        (groupNodesByEntry[entry] ??= []).Add((group, node));
        groupArcs.Add((entry, node, cap));
        return node;
    }

    public int CandidateCount => Candidates.Sum(c => c.Count);

    public FlowNetwork BuildNetwork()
    {
        var n = Problem.EntryCount;
        var network = new FlowNetwork(NodeCount, n + groupArcs.Count + CandidateCount + 4 * Problem.JurorCount);
        for (var e = 0; e < n; e++)
        {
            network.Supply[e] = RemainingDemand[e];
            network.Supply[Sink] -= RemainingDemand[e];
            network.AddArc(e, Sink, RemainingDemand[e], Costs.Unserved);
        }
        foreach (var (entry, node, cap) in groupArcs) network.AddArc(entry, node, cap, 0);
        for (var e = 0; e < n; e++)
            foreach (var c in Candidates[e]) network.AddArc(c.Tail, JurorNode(c.Juror), 1, -c.Value, e, c.Juror);
        for (var j = 0; j < Problem.JurorCount; j++) Costs.AddJurorArcs(network, j);
        return network;
    }
}
