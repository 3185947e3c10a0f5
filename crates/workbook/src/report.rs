//! The concrete actions the source documents name, so a test can prove each one is reachable
//! from at least one prompt of the catalog.

/// One concrete action named by the CRPE report "Personalized Learning at a Crossroads" or the
/// articles that accompany it (see `shared/seeds/INDEX.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReportAction {
    /// Define what personalized learning means for the school and why (avoid undefined goals).
    DefineMeaning,
    /// The district says plainly what it expects its students to achieve.
    DistrictExpectations,
    /// Bring educators together to identify the problems that block those expectations, with evidence.
    EducatorProblems,
    /// Review the landscape of schools for cases of school-level problems to solve.
    SchoolCases,
    /// Plan the shift in teacher practice rather than devices or seating alone.
    PracticeShift,
    /// Be explicit about the flexibilities that already exist.
    ExistingFlexibilities,
    /// Name the specific tensions innovating schools run into.
    Tensions,
    /// Engage all central office departments in the goals for students.
    CentralOffice,
    /// Let principals, and those who supervise them, count wider outcomes when work is judged.
    BroaderOutcomes,
    /// An autonomy zone set aside for the new designs.
    AutonomyZone,
    /// A space of its own where a school can try new things.
    InnovationSpaces,
    /// Staffing model: new roles, team teaching, coaching, pipelines.
    StaffingModel,
    /// Coaching inside the school that helps teachers try a design, learn from it and improve it.
    EmbeddedCoaching,
    /// Structured support systems that help school leaders manage change.
    ChangeManagement,
    /// A knowledge-management plan that gets what is learned to many educators.
    KnowledgeManagement,
    /// Decide whether to design a new model (vanguard) or adapt and adopt an existing one, and why.
    NewOrAdapt,
    /// Seek interested and motivated leaders through discussions of PL and goals for students.
    InterestedLeaders,
    /// Communities of practice across several schools.
    CommunitiesOfPractice,
    /// Partners, such as local charter schools ready to try new models.
    Partners,
    /// Funding: ESSA Title IV and Title II, philanthropy.
    Funding,
    /// A design competition that gives schools resources and support to map out a new design.
    DesignCompetition,
}

impl ReportAction {
    /// Every action, in the order the sources present them.
    pub const ALL: [ReportAction; 21] = [
        Self::DefineMeaning,
        Self::DistrictExpectations,
        Self::EducatorProblems,
        Self::SchoolCases,
        Self::PracticeShift,
        Self::ExistingFlexibilities,
        Self::Tensions,
        Self::CentralOffice,
        Self::BroaderOutcomes,
        Self::AutonomyZone,
        Self::InnovationSpaces,
        Self::StaffingModel,
        Self::EmbeddedCoaching,
        Self::ChangeManagement,
        Self::KnowledgeManagement,
        Self::NewOrAdapt,
        Self::InterestedLeaders,
        Self::CommunitiesOfPractice,
        Self::Partners,
        Self::Funding,
        Self::DesignCompetition,
    ];

    /// The action in a short phrase of our own.
    pub fn summary(self) -> &'static str {
        match self {
            Self::DefineMeaning => "Say what personalized learning means for the school, and why",
            Self::DistrictExpectations => "Set clear expectations for what students should achieve",
            Self::EducatorProblems => "Have educators name the problems in the way, with evidence",
            Self::SchoolCases => "Find concrete cases of school-level problems",
            Self::PracticeShift => {
                "Plan the change in teaching practice, not only devices or seating"
            }
            Self::ExistingFlexibilities => "List the flexibilities that already exist",
            Self::Tensions => "Name the tensions between the rules and the design",
            Self::CentralOffice => "Bring every central office department into the goals",
            Self::BroaderOutcomes => "Weigh broader outcomes when the work is evaluated",
            Self::AutonomyZone => "Use a dedicated autonomy zone",
            Self::InnovationSpaces => "Innovate in a dedicated space",
            Self::StaffingModel => {
                "Design the staffing model: new roles, teams, coaching, pipelines"
            }
            Self::EmbeddedCoaching => "Build embedded coaching for prototyping and iteration",
            Self::ChangeManagement => "Support school leaders through the change",
            Self::KnowledgeManagement => "Plan how knowledge is recorded and shared",
            Self::NewOrAdapt => "Choose to design a new model or adapt and adopt one",
            Self::InterestedLeaders => "Find interested and motivated leaders",
            Self::CommunitiesOfPractice => "Learn with other schools in a community of practice",
            Self::Partners => "Work with partners such as local charter schools",
            Self::Funding => "Fund the work: ESSA Title IV and Title II, philanthropy",
            Self::DesignCompetition => "Ask the design competition for resources and support",
        }
    }
}
