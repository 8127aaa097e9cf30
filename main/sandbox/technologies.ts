/** Technologies companies may report (Apollo `current_technologies[{uid,name,category}]`). */
export interface TechDef {
  uid: string;
  name: string;
  category: string;
}

const t = (uid: string, name: string, category: string): TechDef => ({ uid, name, category });

/** Used by everyone: office, web, analytics. */
export const COMMON_TECH: readonly TechDef[] = [
  t('microsoft_office_365', 'Microsoft Office 365', 'Email Providers'),
  t('gmail', 'Gmail', 'Email Providers'),
  t('google_analytics', 'Google Analytics', 'Analytics and Tracking'),
  t('google_tag_manager', 'Google Tag Manager', 'Tag Management'),
  t('wordpress_org', 'WordPress.org', 'CMS'),
  t('linkedin_marketing_solutions', 'Linkedin Marketing Solutions', 'Advertising Networks'),
  t('cloudflare_dns', 'Cloudflare DNS', 'Domain Name Services'),
  t('outlook', 'Outlook', 'Email Providers'),
  t('mobile_friendly', 'Mobile Friendly', 'Other'),
  t('microsoft_teams', 'Microsoft Teams', 'Communications'),
  t('zoom', 'Zoom', 'Communications'),
  t('salesforce', 'Salesforce', 'CRM'),
  t('hubspot', 'Hubspot', 'Marketing Automation'),
];

export const MANUFACTURING_TECH: readonly TechDef[] = [
  t('sap', 'SAP', 'Enterprise Resource Planning'),
  t('oracle_erp', 'Oracle ERP Cloud', 'Enterprise Resource Planning'),
  t('epicor', 'Epicor', 'Enterprise Resource Planning'),
  t('infor', 'Infor', 'Enterprise Resource Planning'),
  t('plex_systems', 'Plex Systems', 'Manufacturing Execution'),
  t('siemens_opcenter', 'Siemens Opcenter', 'Manufacturing Execution'),
  t('rockwell_factorytalk', 'Rockwell FactoryTalk', 'Industrial Automation'),
  t('autodesk', 'Autodesk', 'Design'),
  t('solidworks', 'SolidWorks', 'Design'),
  t('microsoft_dynamics', 'Microsoft Dynamics 365', 'Enterprise Resource Planning'),
];

export const SOFTWARE_TECH: readonly TechDef[] = [
  t('amazon_aws', 'Amazon AWS', 'Hosting'),
  t('google_cloud', 'Google Cloud', 'Hosting'),
  t('kubernetes', 'Kubernetes', 'Other'),
  t('react', 'React', 'Javascript Libraries'),
  t('node_js', 'Node.js', 'Frameworks and Programming Languages'),
  t('slack', 'Slack', 'Communications'),
  t('atlassian_jira', 'Atlassian JIRA', 'Project Management'),
  t('github', 'GitHub', 'Source Code Repository'),
  t('stripe', 'Stripe', 'Payments'),
  t('intercom', 'Intercom', 'Customer Support'),
  t('segment', 'Segment', 'Analytics and Tracking'),
  t('datadog', 'Datadog', 'Monitoring'),
  t('snowflake', 'Snowflake', 'Data Warehousing'),
  t('zendesk', 'Zendesk', 'Customer Support'),
  t('python', 'Python', 'Frameworks and Programming Languages'),
  t('postgresql', 'PostgreSQL', 'Databases'),
];

/** HR suites (HRIS/payroll). */
export const HR_TECH: readonly TechDef[] = [
  t('workday', 'Workday', 'Human Resources'),
  t('sap_successfactors', 'SAP SuccessFactors', 'Human Resources'),
  t('adp', 'ADP', 'Payroll'),
  t('ukg', 'UKG Pro', 'Human Resources'),
  t('bamboohr', 'BambooHR', 'Human Resources'),
  t('darwinbox', 'Darwinbox', 'Human Resources'),
  t('keka', 'Keka HR', 'Human Resources'),
];

/** Applicant tracking systems. */
export const ATS_TECH: readonly TechDef[] = [
  t('greenhouse_io', 'Greenhouse', 'Applicant Tracking Systems'),
  t('lever', 'Lever', 'Applicant Tracking Systems'),
  t('icims', 'iCIMS', 'Applicant Tracking Systems'),
  t('taleo', 'Oracle Taleo', 'Applicant Tracking Systems'),
  t('smartrecruiters', 'SmartRecruiters', 'Applicant Tracking Systems'),
  t('workday_recruiting', 'Workday Recruiting', 'Applicant Tracking Systems'),
];

/** Vendor management systems: a company using one buys contingent labour through staffing vendors. */
export const VMS_TECH: readonly TechDef[] = [
  t('sap_fieldglass', 'SAP Fieldglass', 'Vendor Management Systems'),
  t('beeline', 'Beeline', 'Vendor Management Systems'),
  t('vndly', 'VNDLY', 'Vendor Management Systems'),
  t('coupa', 'Coupa', 'Procurement'),
];
